import type { SignInMethod } from '../../../../electron/contract/sign-in';
import type { SsoMethod } from './sso-flow';

/** The dialog's tabs: single sign-on, username and password, the pasted key. */
export type SignInTab = 'sso' | 'password' | 'api_key';

/** A provider that takes a username and password. */
export interface PasswordProvider {
  provider: string;
  displayName: string;
}

/** What the dialog offers, grouped as it shows them. */
export interface SignInChoices {
  tabs: SignInTab[];
  /** Flows through the system browser (SAML relay, Azure AD browser and code), most direct first. */
  browser: SsoMethod[];
  /** Providers that only work inside a window of the app: shown only after the user opts in. */
  embedded: SsoMethod[];
  password: PasswordProvider[];
}

const browserOrder: Record<string, number> = { saml_relay: 0, azure_pkce: 1, azure_device_code: 2 };

/**
 * Groups the server's sign-in methods (`auth:methods`) into what the dialog offers. The pasted
 * key is always there, whatever the list says, as the way in when nothing else works.
 */
export function signInChoices(methods: readonly SignInMethod[]): SignInChoices {
  const browser: SsoMethod[] = [];
  const embedded: SsoMethod[] = [];
  const password: PasswordProvider[] = [];
  for (const method of methods) {
    switch (method.kind) {
      case 'api_key':
        break;
      case 'password':
        password.push({ provider: method.provider, displayName: method.displayName });
        break;
      case 'embedded':
        embedded.push(method);
        break;
      default:
        browser.push(method);
    }
  }
  browser.sort((a, b) => (browserOrder[a.kind] ?? 9) - (browserOrder[b.kind] ?? 9));
  const tabs: SignInTab[] = [];
  if (browser.length + embedded.length > 0) tabs.push('sso');
  if (password.length > 0) tabs.push('password');
  tabs.push('api_key');
  return { tabs, browser, embedded, password };
}

/** When the methods cannot be read: the pasted key, and the local provider's password. */
export const fallbackChoices: SignInChoices = {
  tabs: ['password', 'api_key'],
  browser: [],
  embedded: [],
  password: [{ provider: 'local', displayName: 'Local' }],
};

/** The button that starts a flow, in words. */
export function ssoButtonLabel(method: SsoMethod): string {
  const name = method.displayName || method.provider;
  switch (method.kind) {
    case 'saml_relay':
      return `Sign in with ${name}`;
    case 'azure_pkce':
      return `Sign in with browser (${name})`;
    case 'azure_device_code':
      return `Sign in with a code (${name})`;
    case 'embedded':
      return `Sign in with ${name} inside Rancher Keys`;
  }
}

/** One line under the button: what will happen. */
export function ssoButtonHint(method: SsoMethod): string {
  switch (method.kind) {
    case 'saml_relay':
      return 'Opens your browser; you check a request id, then sign in there.';
    case 'azure_pkce':
      return "Opens Microsoft's sign-in page in your browser.";
    case 'azure_device_code':
      return 'Shows a code to enter on Microsoft’s page, on this or any device.';
    case 'embedded':
      return 'Opens the sign-in page in a separate Rancher Keys window, wiped afterwards.';
  }
}
