import { describe, expect, it } from 'vitest';
import type { SsoProvider } from '../../../../electron/core/rancher/sso-api';
import { signInMethods } from '../../../../electron/core/sso/sign-in-methods';

const azure: SsoProvider = {
  id: 'azuread',
  type: 'azureADProvider',
  clientId: 'app-1',
  tenantId: 'tenant-1',
  authUrl: 'https://login.example/tenant-1/oauth2/v2.0/authorize',
  tokenUrl: 'https://login.example/tenant-1/oauth2/v2.0/token',
  deviceAuthUrl: 'https://login.example/tenant-1/oauth2/v2.0/devicecode',
};
const all = { systemBrowser: true, embeddedWindow: true };

describe('signInMethods', () => {
  it('offers password per basic provider, SAML per SAML provider, both Azure flows, embedded and the pasted key last', () => {
    const methods = signInMethods(
      [
        { id: 'local', type: 'localProvider' },
        { id: 'okta', type: 'oktaProvider' },
        azure,
        { id: 'github', type: 'githubProvider' },
      ],
      all,
    );
    expect(methods).toEqual([
      { kind: 'password', provider: 'local', displayName: 'Local' },
      { kind: 'saml_relay', provider: 'okta', displayName: 'Okta' },
      { kind: 'azure_device_code', provider: 'azuread', displayName: 'Azure AD' },
      { kind: 'azure_pkce', provider: 'azuread', displayName: 'Azure AD' },
      { kind: 'embedded', provider: 'github', displayName: 'GitHub' },
      { kind: 'api_key' },
    ]);
  });

  it('offers only the pasted key when the server has no provider the app can use', () => {
    expect(signInMethods([{ id: 'weird', type: 'somethingProvider' }], all)).toEqual([
      { kind: 'api_key' },
    ]);
  });

  it('offers no browser flow without a system browser, and device code still', () => {
    const methods = signInMethods([{ id: 'adfs', type: 'adfsProvider' }, azure], {
      systemBrowser: false,
      embeddedWindow: false,
    });
    expect(methods.map((m) => m.kind)).toEqual(['azure_device_code', 'api_key']);
  });

  it('offers no Azure flow before 2.8.6 (no device endpoint) except PKCE, none without a client id', () => {
    const old = { ...azure, deviceAuthUrl: null };
    expect(signInMethods([old], all).map((m) => m.kind)).toEqual(['azure_pkce', 'api_key']);
    expect(signInMethods([{ ...azure, clientId: '' }], all).map((m) => m.kind)).toEqual([
      'api_key',
    ]);
  });

  it('offers the embedded window only when the shell has one', () => {
    const providers: SsoProvider[] = [
      { id: 'googleoauth', type: 'googleOAuthProvider' },
      { id: 'keycloakoidc', type: 'keyCloakOIDCProvider' },
      { id: 'cognito', type: 'cognitoProvider' },
    ];
    expect(signInMethods(providers, { systemBrowser: true, embeddedWindow: false })).toEqual([
      { kind: 'api_key' },
    ]);
    expect(signInMethods(providers, all).filter((m) => m.kind === 'embedded')).toHaveLength(3);
  });
});
