import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../electron/contract/errors';
import type { RancherVersion } from '../../rancher-sim';
import {
  connectOAuthProvider,
  startFakeOAuthIdp,
  type FakeOAuthIdp,
  type OAuthIdpProfile,
  type OAuthProviderType,
} from '../../rancher-sim/fake-oauth-idp';
import { createHttpEmbeddedWindow } from '../../support/http-embedded-window';
import { until } from '../../support/until';
import { allSecrets, startSsoRig, type SsoRig } from './sso-rig';

interface Setup {
  id: string;
  type: OAuthProviderType;
  profile: OAuthIdpProfile;
  version?: RancherVersion;
  v1Oidc?: boolean;
  pkce?: boolean;
  timeoutMs?: number;
}

/**
 * The embedded sign-in (issue 15 item 4, rancher-sso.md §5 D-harvest) end to end on loopback:
 * the real core, the simulator over https with its OAuth login (§7 rules 8–10) and the fake OAuth
 * IdP (rule 19), through the EmbeddedSignInWindow port's test implementation, which walks the
 * window's page with plain HTTP and Electron's user agent under the core's own spec.
 */
describe('embedded sign-in against the simulator’s OAuth login (issue 15 item 4)', () => {
  let rig: SsoRig | undefined;
  let idp: FakeOAuthIdp | undefined;
  afterEach(async () => {
    await rig?.close();
    await idp?.close();
    rig = idp = undefined;
  });

  async function start(setup: Setup) {
    idp = await startFakeOAuthIdp({ profile: setup.profile });
    const ca = [idp.caPem];
    const window = createHttpEmbeddedWindow({ ca });
    rig = await startSsoRig({
      simTls: true,
      version: setup.version ?? '2.13',
      embeddedSignIn: window,
      timing: { embeddedTimeoutMs: setup.timeoutMs ?? 20_000 },
    });
    ca.push(rig.sim.caPem ?? '');
    connectOAuthProvider(
      rig.sim,
      idp,
      { id: setup.id, type: setup.type },
      { alice: rig.aliceId },
      {
        v1Oidc: setup.v1Oidc ?? false,
        pkce: setup.pkce ?? false,
      },
    );
    return { rig, idp, window };
  }

  const startFlow = (r: SsoRig, provider: string) =>
    r.call('auth:ssoStart', { serverId: r.serverId, kind: 'embedded', provider });

  const alicesTokens = (r: SsoRig) =>
    [...r.sim.state.tokens.values()].filter((t) => t.userId === r.aliceId);

  /** No token secret, code, access token or client secret in the log or anything the window got. */
  function expectNoSecrets(r: SsoRig, i: FakeOAuthIdp, answers: unknown[]) {
    const secrets = [...allSecrets(r.sim), ...i.codes, ...i.accessTokens, i.clientSecret];
    expect(secrets.length).toBeGreaterThan(1);
    const seen = [r.t.log.lines.join('\n'), JSON.stringify(r.progress), JSON.stringify(answers)];
    for (const secret of secrets) for (const text of seen) expect(text).not.toContain(secret);
  }

  const cases: Setup[] = [
    { id: 'github', type: 'githubProvider', profile: 'github' },
    { id: 'cognito', type: 'cognitoProvider', profile: 'oidc' },
  ];
  for (const setup of cases) {
    it(`signs in with ${setup.id}: Rancher's page, the IdP, /verify-auth, the harvested R_SESS, a key, the session logged out`, async () => {
      const { rig: r, idp: i, window } = await start(setup);
      const { methods } = await r.call('auth:methods', { serverId: r.serverId });
      expect(methods.filter((m) => m.kind === 'embedded')).toEqual([
        expect.objectContaining({ provider: setup.id }),
      ]);
      const started = await startFlow(r, setup.id);
      expect(started.prompt).toMatchObject({ kind: 'embedded', host: new URL(r.sim.url).host });
      const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
      expect(server.signIn).toMatchObject({
        state: 'signed_in',
        method: 'sso',
        provider: setup.id,
        user: { id: r.aliceId, username: 'alice' },
      });
      // The window walked the real journey: Rancher's login page, the IdP, Rancher's callback.
      const paths = window.visits.map((v) => `${v.method} ${new URL(v.url).pathname}`);
      expect(paths).toEqual([
        'GET /dashboard/auth/login',
        'POST /dashboard/auth/redirect',
        'GET /oauth/authorize',
        'POST /oauth/login',
        'GET /verify-auth',
        'GET /dashboard/auth/verify',
        'POST /dashboard/auth/verify',
      ]);
      expect(i.userAgents[0]).toContain('Electron/');
      // Rancher redeemed the code with its secret; the app never saw it, only the cookie.
      expect(i.codes).toHaveLength(1);
      expect(i.requests.filter((q) => q.startsWith('POST /oauth/token'))).toHaveLength(1);
      // The harvested session was logged out once the key existed: only the key is left.
      expect(alicesTokens(r).map((t) => t.kind)).toEqual(['apikey']);
      expect(alicesTokens(r)[0]?.description).toBe(`Rancher Keys sign-in (${setup.id})`);
      // The window harvested the server's session cookie, whose token is now logged out.
      const outcome = window.outcomes[0];
      const harvested = outcome?.kind === 'session' ? outcome.cookie.split(':')[0] : '';
      expect(harvested).toMatch(/^token-/);
      expect(r.sim.state.tokens.has(harvested ?? '')).toBe(false);
      expectNoSecrets(r, i, [methods, started, server]);
    });
  }

  it('Keycloak OIDC on 2.14 through /v1-oidc: server-side PKCE, the IdP host learned from the server’s redirect', async () => {
    const {
      rig: r,
      idp: i,
      window,
    } = await start({
      id: 'keycloakoidc',
      type: 'keyCloakOIDCProvider',
      profile: 'oidc',
      version: '2.14',
      v1Oidc: true,
      pkce: true,
    });
    const started = await startFlow(r, 'keycloakoidc');
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    expect(server.signIn).toMatchObject({ state: 'signed_in', provider: 'keycloakoidc' });
    expect(window.visits.map((v) => new URL(v.url).pathname)).toContain('/v1-oidc/keycloakoidc');
    // The provider list names only the server; the IdP was reached because the server sent it.
    expect(window.specs[0]?.allowNavigation(`${i.origin}/oauth/authorize`)).toBe(true);
    expect(i.pkce).toEqual({ challenges: [expect.any(String)], verified: 1 });
    expect(alicesTokens(r).map((t) => t.kind)).toEqual(['apikey']);
  });

  async function failure(setup: Setup, arrange: (i: FakeOAuthIdp) => void): Promise<AppError> {
    const { rig: r, idp: i } = await start(setup);
    arrange(i);
    const started = await startFlow(r, setup.id);
    const error = await r.fail('auth:ssoWait', { flowId: started.flowId });
    // Nothing was signed in: no session, no key of alice's.
    expect(alicesTokens(r)).toEqual([]);
    expect(r.progress.at(-1)).toMatchObject({ state: 'failed', error: { message: error.message } });
    expectNoSecrets(r, i, [started, error]);
    return error;
  }

  const github: Setup = { id: 'github', type: 'githubProvider', profile: 'github' };

  it('explains a denial at the IdP in one sentence', async () => {
    const error = await failure(github, (i) => i.deny());
    expect(error).toMatchObject({
      code: 'forbidden',
      message: 'The sign-in was declined at GitHub.',
    });
  });

  it('explains a code Rancher could not redeem (expired at the IdP)', async () => {
    const error = await failure(github, (i) => i.expire());
    expect(error.code).toBe('server_error');
    expect(error.message).toBe(
      'Rancher could not complete the GitHub sign-in (it took too long, or your account is not allowed on this server).',
    );
  });

  it('explains that Google refuses the embedded browser (disallowed_useragent)', async () => {
    let google: FakeOAuthIdp | undefined;
    const error = await failure(
      { id: 'googleoauth', type: 'googleOAuthProvider', profile: 'google' },
      (i) => (google = i),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(
      /^Google refuses to sign in inside an app’s window \(disallowed_useragent\), so sign in another way or paste an API key/,
    );
    expect(google?.userAgents[0]).toContain('Electron/');
    expect(google?.codes).toEqual([]);
  });

  it('stops when the sign-in heads for a host that is neither the server nor its IdP', async () => {
    let detour = '';
    const error = await failure(github, (i) => {
      // The same IdP under another name: another host as far as the window is concerned.
      detour = `${i.origin.replace('127.0.0.1', 'localhost')}/elsewhere`;
      i.hooks.detour = detour;
    });
    expect(error.message).toMatch(
      new RegExp(
        `^The sign-in page went to ${new URL(detour).host.replace('.', '\\.')}, which is neither 127\\.0\\.0\\.1:\\d+ nor its identity provider, so Rancher Keys stopped it\\.$`,
      ),
    );
    expect(idp?.requests.some((q) => q.startsWith('GET /elsewhere'))).toBe(false);
  });

  it('harvests R_SESS only from the server: one the IdP sets on its own host is ignored', async () => {
    const { rig: r, idp: i, window } = await start(github);
    i.hooks.plantSessionCookie = true;
    const started = await startFlow(r, 'github');
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    expect(server.signIn).toMatchObject({ state: 'signed_in', user: { id: r.aliceId } });
    const outcome = window.outcomes[0];
    expect(outcome?.kind === 'session' && outcome.cookie.startsWith('token-idp01:')).toBe(false);
  });

  it('gives up at the window’s limit when the user does nothing at the IdP', async () => {
    const error = await failure({ ...github, timeoutMs: 1_500 }, (i) => (i.hooks.choice = 'idle'));
    expect(error).toMatchObject({
      code: 'timeout',
      message: 'The GitHub sign-in was not finished within 2 seconds.',
    });
  });

  it('Cancel closes the window at once', async () => {
    const { rig: r, idp: i, window } = await start(github);
    i.hooks.choice = 'idle';
    const started = await startFlow(r, 'github');
    await until(() => i.requests.some((q) => q.startsWith('GET /oauth/authorize')));
    expect(await r.call('auth:ssoCancel', { flowId: started.flowId })).toEqual({ cancelled: true });
    const error = await r.fail('auth:ssoWait', { flowId: started.flowId });
    expect(error.message).toBe('The sign-in was cancelled.');
    expect(window.signals[0]?.aborted).toBe(true);
    expect(window.outcomes).toEqual([{ kind: 'closed' }]);
    expect(r.progress.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(alicesTokens(r)).toEqual([]);
  });

  it('is offered only when the server lists such a provider and the shell has a window', async () => {
    const { rig: r } = await start(github);
    r.sim.state.sso.providers.delete('github');
    const { methods } = await r.call('auth:methods', { serverId: r.serverId });
    expect(methods.some((m) => m.kind === 'embedded')).toBe(false);
  });

  it('is not offered when the shell has no embedded window', async () => {
    rig = await startSsoRig();
    rig.sim.state.sso.providers.set('github', { id: 'github', type: 'githubProvider', fields: {} });
    const { methods } = await rig.call('auth:methods', { serverId: rig.serverId });
    expect(methods.map((m) => m.kind)).toEqual(['password', 'password', 'api_key']);
  });
});
