import { describe, expect, it } from 'vitest';
import {
  createEmbeddedNavigation,
  hostsOf,
} from '../../../../electron/core/sso/embedded-navigation';
import { providerHostsOf } from '../../../../electron/core/sso/embedded-sign-in';

const server = 'https://rancher.example.com';
const googleError = `https://idp.example/signin/oauth/error?authError=${Buffer.from(
  '\n\u0014disallowed_useragent\u0012rest',
).toString('base64url')}`;

describe('createEmbeddedNavigation', () => {
  it('allows the server and the provider list’s IdP hosts, nothing else on its own', () => {
    const nav = createEmbeddedNavigation(server, ['github.com']);
    expect(nav.allow(`${server}/dashboard/auth/login`)).toBe(true);
    expect(nav.allow('https://github.com/login/oauth/authorize?client_id=x')).toBe(true);
    expect(nav.allow('https://evil.example/phish')).toBe(false);
    expect(nav.allow('https://evil.example/phish', 'https://github.com/login')).toBe(false);
    expect(nav.allow('http://github.com/')).toBe(false);
    expect(nav.allow('https://user:pw@github.com/')).toBe(false);
    expect(nav.allow('javascript:alert(1)')).toBe(false);
  });

  it('learns the host the server itself sends the window to (2.14 /v1-oidc), and only that', () => {
    const nav = createEmbeddedNavigation(server, []);
    expect(nav.allow('https://keycloak.example/auth', `${server}/v1-oidc/keycloakoidc`)).toBe(true);
    expect(nav.allow('https://keycloak.example/auth/next')).toBe(true);
    expect(nav.hosts()).toEqual(['rancher.example.com', 'keycloak.example']);
    expect(nav.allow('https://other.example/', 'https://keycloak.example/auth')).toBe(false);
  });

  it('keeps each run’s learned hosts to itself', () => {
    const first = createEmbeddedNavigation(server, []);
    first.allow('https://idp.example/', `${server}/x`);
    expect(createEmbeddedNavigation(server, []).allow('https://idp.example/')).toBe(false);
  });

  it.each([
    [`${server}/dashboard/auth/login`, null],
    [`${server}/verify-auth?code=abc&state=s`, null],
    [`${server}/verify-auth?error=access_denied&state=s`, { kind: 'denied' }],
    [`${server}/dashboard/auth/verify?error=server_error`, { kind: 'idp_error' }],
    [`${server}/dashboard/auth/login?err=Login%20failed`, { kind: 'rancher_error' }],
    [`${server}/login?errorCode=403`, { kind: 'rancher_error' }],
    ['https://idp.example/authorize?error=disallowed_useragent', { kind: 'disallowed_useragent' }],
    [googleError, { kind: 'disallowed_useragent' }],
    ['https://idp.example/authorize?error=access_denied', null],
    ['https://evil.example/', { kind: 'blocked', host: 'evil.example' }],
    ['http://idp.example/', { kind: 'blocked', host: 'idp.example' }],
  ])('verdict on %s', (url, expected) => {
    const nav = createEmbeddedNavigation(server, ['idp.example']);
    expect(nav.verdict(url)).toEqual(expected);
  });

  it('reads Rancher’s error pages only on the server itself', () => {
    const nav = createEmbeddedNavigation(server, ['idp.example']);
    expect(nav.verdict('https://idp.example/dashboard/auth/login?err=x')).toBeNull();
    expect(nav.verdict('https://idp.example/verify-auth?error=access_denied')).toBeNull();
  });
});

describe('provider hosts', () => {
  it('takes https (and loopback) hosts from the provider object', () => {
    expect(
      providerHostsOf({
        id: 'github',
        type: 'githubProvider',
        redirectUrl: 'https://github.com/login/oauth/authorize?client_id=x',
      }),
    ).toEqual(['github.com']);
    expect(
      hostsOf(['http://evil.example/', 'not a url', null, 'https://127.0.0.1:8443/x']),
    ).toEqual(['127.0.0.1:8443']);
  });
});
