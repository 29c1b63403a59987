import { afterEach, describe, expect, it } from 'vitest';
import { connectAzureProvider } from '../../rancher-sim/fake-idp';
import { allSecrets, startSsoRig, type SsoRig } from './sso-rig';

describe('Azure AD authorization code + PKCE sign-in (issue 15 item 3)', () => {
  let rig: SsoRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function start(pkceTimeoutMs = 60_000) {
    rig = await startSsoRig({
      timing: { pkceTimeoutMs },
      connect: (sim, idp, aliceId) =>
        connectAzureProvider(sim.state, idp, { 'oid-alice': aliceId }),
    });
    return rig;
  }
  const begin = (r: SsoRig) =>
    r.call('auth:ssoStart', { serverId: r.serverId, kind: 'azure_pkce', provider: 'azuread' });
  const authorizeOf = (r: SsoRig) => new URL(r.browser.opened[0] ?? '');
  const loopbackOf = (r: SsoRig, address = '127.0.0.1') => {
    const redirect = new URL(authorizeOf(r).searchParams.get('redirect_uri') ?? '');
    return `http://${address}:${redirect.port}`;
  };
  /** Neither loopback address answers any more. */
  const bothClosed = async (r: SsoRig) => {
    await expect(fetch(`${loopbackOf(r)}/`)).rejects.toThrow();
    await expect(fetch(`${loopbackOf(r, '[::1]')}/`)).rejects.toThrow();
  };

  it('opens the authorize page with S256 and state, takes the loopback callback once and signs in', async () => {
    const r = await start();
    const started = await begin(r);
    expect(started.prompt).toMatchObject({ kind: 'azure_pkce', browserOpened: true });
    const authorize = authorizeOf(r);
    expect(authorize.origin + authorize.pathname).toBe(r.idp.endpoints.authorize);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(authorize.searchParams.get('response_type')).toBe('code');

    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    expect(server.signIn).toMatchObject({ state: 'signed_in', method: 'sso', provider: 'azuread' });
    const callback = r.browser.visits.find((v) => v.url.startsWith('http://localhost:'));
    expect(callback?.status).toBe(200);
    // Single use: the listener is closed after the first callback, on both addresses.
    await bothClosed(r);

    const told = JSON.stringify([started, server, r.progress]);
    const logs = r.t.log.lines.join('\n');
    for (const secret of [...allSecrets(r.sim), ...r.idp.idTokens]) {
      expect(logs).not.toContain(secret);
      expect(told).not.toContain(secret);
    }
  });

  it('takes the callback of a browser that resolves localhost to ::1, once, and closes both addresses', async () => {
    const r = await start();
    r.browser.localhostAddress = '[::1]';
    const started = await begin(r);
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    expect(server.signIn).toMatchObject({ state: 'signed_in', method: 'sso', provider: 'azuread' });
    expect(r.browser.visits.find((v) => v.url.startsWith('http://localhost:'))?.status).toBe(200);
    await bothClosed(r);
  });

  it('says the sign-in was declined when Microsoft answers access_denied', async () => {
    const r = await start();
    r.idp.authorizeMode = { kind: 'deny' };
    const { flowId } = await begin(r);
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error).toEqual({ code: 'forbidden', message: 'The sign-in was declined at Microsoft.' });
  });

  it('refuses a callback with another state (400) and ends the flow', async () => {
    const r = await start();
    r.browser.stopAt = r.idp.origin;
    const { flowId } = await begin(r);
    const answer = await fetch(`${loopbackOf(r)}/?code=stolen&state=not-ours`);
    expect(answer.status).toBe(400);
    expect(await answer.text()).not.toContain('stolen');
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error.message).toMatch(/state did not match/);
  });

  it('refuses a callback without a code (400)', async () => {
    const r = await start();
    r.browser.stopAt = r.idp.origin;
    const { flowId } = await begin(r);
    const state = authorizeOf(r).searchParams.get('state') ?? '';
    const answer = await fetch(`${loopbackOf(r)}/?state=${state}`);
    expect(answer.status).toBe(400);
    expect((await r.fail('auth:ssoWait', { flowId })).message).toMatch(/without a sign-in code/);
  });

  it('gives up at its time limit and closes the listener', async () => {
    const r = await start(300);
    r.browser.stopAt = r.idp.origin;
    const { flowId } = await begin(r);
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
    await bothClosed(r);
  });

  it('closes the listener when cancelled', async () => {
    const r = await start();
    r.browser.stopAt = r.idp.origin;
    const { flowId } = await begin(r);
    expect(await r.call('auth:ssoCancel', { flowId })).toEqual({ cancelled: true });
    expect((await r.fail('auth:ssoWait', { flowId })).message).toBe('The sign-in was cancelled.');
    await new Promise((res) => setTimeout(res, 50));
    await bothClosed(r);
  });
});
