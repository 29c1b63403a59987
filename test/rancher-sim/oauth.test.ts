import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { connectOAuthProvider, startFakeOAuthIdp, type FakeOAuthIdp } from './fake-oauth-idp';
import type { RancherSim, RancherVersion } from './index';
import { startRancherSim } from './index';
import { call } from './test-client';

/** One https request to the fake IdP (its CA trusted), as a browser would make it. */
function browse(
  idp: FakeOAuthIdp,
  url: string,
  init: { method?: string; body?: string; ua?: string } = {},
): Promise<{ status: number; location: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        ca: idp.caPem,
        headers: {
          'User-Agent': init.ua ?? 'Mozilla/5.0 Chrome/140',
          ...(init.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Signs in at the IdP (Authorize) for `authorizeUrl` and returns where it redirects. */
async function authorize(idp: FakeOAuthIdp, authorizeUrl: string): Promise<URL> {
  const page = await browse(idp, authorizeUrl);
  const id = /name="request" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  const done = await browse(idp, `${idp.origin}/oauth/login`, {
    method: 'POST',
    body: new URLSearchParams({ request: id, action: 'approve' }).toString(),
  });
  return new URL(done.location);
}

describe('rancher-sim OAuth/OIDC login (rancher-sso.md §7 rules 8–10, 19)', () => {
  let sim: RancherSim | undefined;
  let idp: FakeOAuthIdp | undefined;
  afterEach(async () => {
    await sim?.close();
    await idp?.close();
  });

  async function setup(version: RancherVersion, profile: 'github' | 'oidc' | 'google' = 'github') {
    sim = await startRancherSim({ version, tls: true });
    idp = await startFakeOAuthIdp({ profile });
    const alice = sim.state.addUser({ username: 'alice', password: 'x', displayName: 'Alice' });
    return { sim, idp, alice };
  }

  it('lists the provider with its redirectUrl and logs in with a code as JSON (201), once', async () => {
    const { sim, idp, alice } = await setup('2.13');
    connectOAuthProvider(sim, idp, { id: 'github', type: 'githubProvider' }, { alice: alice.id });
    const list = await call(sim, 'GET', '/v1-public/authproviders');
    const item = list
      .json<{ data: Array<{ id: string; redirectUrl?: string }> }>()
      .data.find((p) => p.id === 'github');
    expect(item?.redirectUrl).toBe(`${idp.endpoints.authorize}?client_id=${idp.clientId}`);

    const back = await authorize(idp, `${item?.redirectUrl}&state=s1`);
    expect(`${back.origin}${back.pathname}`).toBe(`${sim.url}/verify-auth`);
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code') ?? '';
    const body = { type: 'githubProvider', code, responseType: 'json' };
    const login = await call(sim, 'POST', '/v1-public/login', { body });
    expect(login.status).toBe(201);
    const token = login.json<{ token: string }>().token;
    expect(sim.state.tokens.get(token.split(':')[0] ?? '')?.userId).toBe(alice.id);
    // A code is single use: redeeming it again fails at the IdP, which Rancher answers with 500.
    expect((await call(sim, 'POST', '/v1-public/login', { body })).status).toBe(500);
  });

  it('answers 401 for a principal that is not a Rancher user and 422 without a code', async () => {
    const { sim, idp } = await setup('2.13');
    connectOAuthProvider(sim, idp, { id: 'github', type: 'githubProvider' }, {});
    const back = await authorize(idp, `${idp.endpoints.authorize}?client_id=${idp.clientId}`);
    const code = back.searchParams.get('code');
    const res = await call(sim, 'POST', '/v1-public/login', {
      body: { type: 'githubProvider', code, responseType: 'json' },
    });
    expect(res.status).toBe(401);
    const none = await call(sim, 'POST', '/v1-public/login', {
      body: { type: 'githubProvider', responseType: 'json' },
    });
    expect(none.status).toBe(422);
  });

  it('serves /v1-oidc only from 2.14, with S256 PKCE and R_PKCE_VERIFIER', async () => {
    const { sim, idp, alice } = await setup('2.14', 'oidc');
    connectOAuthProvider(
      sim,
      idp,
      { id: 'keycloakoidc', type: 'keyCloakOIDCProvider' },
      { alice: alice.id },
      { v1Oidc: true, pkce: true },
    );
    const res = await call(sim, 'GET', '/v1-oidc/keycloakoidc?state=s2&scope=openid');
    expect(res.status).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(`${to.origin}${to.pathname}`).toBe(idp.endpoints.authorize);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: `${sim.url}/verify-auth`,
      scope: 'openid',
      state: 's2',
      code_challenge_method: 'S256',
    });
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(
      /^R_PKCE_VERIFIER=[\w-]{43}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax/,
    );
    const back = await authorize(idp, to.href);
    const body = { type: 'keyCloakOIDCProvider', code: back.searchParams.get('code') };
    // Without the verifier cookie the IdP refuses the exchange.
    expect((await call(sim, 'POST', '/v1-public/login', { body })).status).toBe(500);

    const older = await startRancherSim({ version: '2.13' });
    try {
      expect((await call(older, 'GET', '/v1-oidc/keycloakoidc')).status).toBe(404);
    } finally {
      await older.close();
    }
  });

  it('sends /verify-auth with a vue state to the dashboard’s verify page', async () => {
    const { sim } = await setup('2.13');
    const state = Buffer.from(JSON.stringify({ nonce: 'n', to: 'vue' })).toString('base64url');
    const res = await call(sim, 'GET', `/verify-auth?code=c&state=${state}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${sim.url}/dashboard/auth/verify?code=c&state=${state}`);
  });

  it('the Google profile refuses an Electron user agent with disallowed_useragent', async () => {
    const { idp } = await setup('2.13', 'google');
    idp.registeredRedirects.add('https://r.example/verify-auth');
    const url = `${idp.endpoints.authorize}?client_id=${idp.clientId}&redirect_uri=https://r.example/verify-auth`;
    const refused = await browse(idp, url, { ua: 'Mozilla/5.0 Chrome/140 Electron/38.0.0' });
    expect(refused.status).toBe(302);
    const error = await browse(idp, refused.location);
    expect(error.status).toBe(403);
    expect(error.text).toContain('disallowed_useragent');
    expect((await browse(idp, url)).status).toBe(200);
  });
});
