import { afterEach, describe, expect, it } from 'vitest';
import type { SsoTiming } from '../../../electron/core/sso/flow-types';
import { abortableSleep } from '../../../electron/core/sso/flow-types';
import { connectAzureProvider } from '../../rancher-sim/fake-idp';
import { allSecrets, startSsoRig, type SsoRig } from './sso-rig';

const BASE_MS = 30;
const SLOW_MS = 25;

describe('Azure AD device code sign-in (issue 15 item 2)', () => {
  let rig: SsoRig | undefined;
  let waits: number[] = [];
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function start(options: { deviceCode?: boolean; expiresIn?: number } = {}) {
    waits = [];
    // Entra names no interval here, so the app's own (shortened) interval applies; every wait
    // the flow asks for is recorded.
    const timing: Partial<SsoTiming> = {
      deviceIntervalMs: BASE_MS,
      deviceSlowDownMs: SLOW_MS,
      sleep: (ms, signal) => {
        waits.push(ms);
        return abortableSleep(ms, signal);
      },
    };
    rig = await startSsoRig({
      timing,
      idp: { interval: 0, minPollGapMs: 5, deviceExpiresIn: options.expiresIn ?? 900 },
      connect: (sim, idp, aliceId) =>
        connectAzureProvider(
          sim.state,
          idp,
          { 'oid-alice': aliceId },
          { deviceCode: options.deviceCode ?? true },
        ),
    });
    return rig;
  }

  async function begin(r: SsoRig) {
    const started = await r.call('auth:ssoStart', {
      serverId: r.serverId,
      kind: 'azure_device_code',
      provider: 'azuread',
    });
    if (started.prompt.kind !== 'azure_device_code') throw new Error('not a device code prompt');
    return { flowId: started.flowId, prompt: started.prompt, started };
  }

  it('shows the user code, opens the verification page on request, copies the code, and signs in once approved', async () => {
    const r = await start();
    const { methods } = await r.call('auth:methods', { serverId: r.serverId });
    expect(methods.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['azure_device_code', 'azure_pkce', 'api_key']),
    );
    const { flowId, prompt, started } = await begin(r);
    expect(prompt.userCode).toBe(r.idp.userCodes.at(-1));
    expect(prompt.verificationUri).toBe(`${r.idp.origin}/devicelogin`);
    expect(prompt.browserOpened).toBe(false);
    expect(r.browser.opened).toEqual([]);
    expect(await r.call('auth:ssoOpenBrowser', { flowId })).toEqual({ opened: true });
    expect(r.browser.opened).toEqual([prompt.verificationUri]);
    expect(await r.call('auth:ssoCopyCode', { flowId })).toEqual({ copied: true });
    expect(r.t.clipboard.current).toBe(prompt.userCode);

    await new Promise((res) => setTimeout(res, 100));
    r.idp.approve(prompt.userCode, 'oid-alice');
    const { server } = await r.call('auth:ssoWait', { flowId });
    expect(server.signIn).toMatchObject({
      state: 'signed_in',
      method: 'sso',
      provider: 'azuread',
      user: { id: r.aliceId },
    });
    // Polled while pending, at the interval, then logged in with the id_token.
    expect(r.idp.requests.filter((q) => q.includes('/oauth2/v2.0/token')).length).toBeGreaterThan(
      1,
    );
    expect(waits.every((w) => w === BASE_MS)).toBe(true);
    const alices = [...r.sim.state.tokens.values()].filter((t) => t.userId === r.aliceId);
    expect(alices.map((t) => t.kind)).toEqual(['apikey']);

    const told = JSON.stringify([started, server, r.progress]);
    const logs = r.t.log.lines.join('\n');
    for (const secret of [...allSecrets(r.sim), ...r.idp.idTokens]) {
      expect(logs).not.toContain(secret);
      expect(told).not.toContain(secret);
    }
    expect(r.idp.idTokens).toHaveLength(1);
  });

  it('polls 5 s (here: the slow-down step) slower for good after each slow_down', async () => {
    const r = await start();
    r.idp.slowDown(2);
    const { flowId, prompt } = await begin(r);
    setTimeout(() => r.idp.approve(prompt.userCode, 'oid-alice'), 200);
    await r.call('auth:ssoWait', { flowId });
    expect(waits.slice(0, 3)).toEqual([BASE_MS, BASE_MS + SLOW_MS, BASE_MS + 2 * SLOW_MS]);
    expect(waits.at(-1)).toBe(BASE_MS + 2 * SLOW_MS);
    expect(r.progress.some((p) => p.state === 'slowed_down')).toBe(true);
  });

  it('says the sign-in was declined on access_denied', async () => {
    const r = await start();
    const { flowId, prompt } = await begin(r);
    r.idp.deny(prompt.userCode);
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error).toEqual({ code: 'forbidden', message: 'The sign-in was declined at Microsoft.' });
  });

  it('says the code expired on expired_token', async () => {
    const r = await start();
    const { flowId, prompt } = await begin(r);
    r.idp.expire(prompt.userCode);
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^The code expired/);
  });

  it('gives up at expires_in by itself', async () => {
    const r = await start({ expiresIn: 1 });
    const { flowId } = await begin(r);
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
  });

  it('names "Allow public client flows" when Entra refuses the public client', async () => {
    const r = await start();
    r.idp.publicClientFlows = false;
    const error = await r.fail('auth:ssoStart', {
      serverId: r.serverId,
      kind: 'azure_device_code',
      provider: 'azuread',
    });
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/Allow public client flows/);
  });

  it('says Rancher does not allow the user when the Azure AD account is not one of its users', async () => {
    const r = await start();
    const { flowId, prompt } = await begin(r);
    r.idp.approve(prompt.userCode, 'oid-mallory');
    const error = await r.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/does not allow this Azure AD user/);
  });

  it('offers no device code on a server whose Azure AD names no device endpoint (before 2.8.6)', async () => {
    const r = await start({ deviceCode: false });
    const { methods } = await r.call('auth:methods', { serverId: r.serverId });
    expect(methods.map((m) => m.kind)).toEqual(['password', 'password', 'azure_pkce', 'api_key']);
  });
});
