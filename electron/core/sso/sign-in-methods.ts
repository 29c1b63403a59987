import type { SignInMethod } from '../../contract/sign-in';
import type { SsoProvider } from '../rancher/sso-api';

/** Username and password providers (rancher-api.md §3.1). */
const passwordTypes: Record<string, string> = {
  localProvider: 'Local',
  activeDirectoryProvider: 'Active Directory',
  openLdapProvider: 'OpenLDAP',
  freeIpaProvider: 'FreeIPA',
};

/** SAML providers: the authToken relay through the system browser (rancher-sso.md §1, A). */
const samlTypes: Record<string, string> = {
  pingProvider: 'Ping Identity',
  adfsProvider: 'AD FS',
  keyCloakProvider: 'Keycloak (SAML)',
  oktaProvider: 'Okta',
  shibbolethProvider: 'Shibboleth',
};

/** Providers Rancher redirects only to its own `/verify-auth`: an embedded window or nothing (D). */
const embeddedTypes: Record<string, string> = {
  githubProvider: 'GitHub',
  githubAppProvider: 'GitHub App',
  googleOAuthProvider: 'Google',
  oidcProvider: 'OIDC',
  keyCloakOIDCProvider: 'Keycloak (OIDC)',
  genericOIDCProvider: 'Generic OIDC',
  cognitoProvider: 'Amazon Cognito',
};

export const AZURE_TYPE = 'azureADProvider';

/** What the shell can do: open the system browser, host an embedded sign-in window. */
export interface SignInCapabilities {
  systemBrowser: boolean;
  embeddedWindow: boolean;
}

/** The display name of a provider, for messages. */
export function providerDisplayName(provider: Pick<SsoProvider, 'id' | 'type'>): string {
  if (provider.type === AZURE_TYPE) return 'Azure AD';
  return (
    passwordTypes[provider.type] ??
    samlTypes[provider.type] ??
    embeddedTypes[provider.type] ??
    provider.id
  );
}

export function isSamlType(type: string): boolean {
  return Object.hasOwn(samlTypes, type);
}

export function isEmbeddedType(type: string): boolean {
  return Object.hasOwn(embeddedTypes, type);
}

/**
 * The ways to sign in that a server's provider list allows (issue 15): password per basic
 * provider; the SAML relay per SAML provider when a system browser exists; Azure AD's device code
 * when the provider names a device endpoint (2.8.6+), and its authorization code + PKCE when it
 * names the authorize endpoint and a system browser exists; the embedded window for the redirect
 * providers when the shell has one. Pasting a key is always there, last.
 */
export function signInMethods(
  providers: readonly SsoProvider[],
  can: SignInCapabilities,
): SignInMethod[] {
  const methods: SignInMethod[] = [];
  for (const p of providers) {
    const displayName = providerDisplayName(p);
    if (Object.hasOwn(passwordTypes, p.type)) {
      methods.push({ kind: 'password', provider: p.id, displayName });
    } else if (isSamlType(p.type)) {
      if (can.systemBrowser) methods.push({ kind: 'saml_relay', provider: p.id, displayName });
    } else if (p.type === AZURE_TYPE && p.clientId && p.tokenUrl) {
      if (p.deviceAuthUrl) methods.push({ kind: 'azure_device_code', provider: p.id, displayName });
      if (p.authUrl && can.systemBrowser) {
        methods.push({ kind: 'azure_pkce', provider: p.id, displayName });
      }
    } else if (isEmbeddedType(p.type) && can.embeddedWindow) {
      methods.push({ kind: 'embedded', provider: p.id, displayName });
    }
  }
  methods.push({ kind: 'api_key' });
  return methods;
}
