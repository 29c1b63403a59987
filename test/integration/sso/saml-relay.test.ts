import { afterEach, describe, expect, it } from 'vitest';
import type { RancherVersion } from '../../rancher-sim';
import { connectSamlProvider } from '../../rancher-sim/fake-idp';
import { allSecrets, startSsoRig, type SsoRig } from './sso-rig';
import { until } from '../../support/until';

const okta = { id: 'okta', type: 'oktaProvider' };

describe('SAML relay sign-in (issue 15 item 1)', () => {
  let rig: SsoRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  const start = (version: RancherVersion = '2.13') =>
    startSsoRig({
      version,
      connect: (sim, idp, aliceId) => connectSamlProvider(sim.state, idp, okta, { alice: aliceId }),
    });

  for (const version of ['2.13', '2.12'] as const) {
    it(`signs in through the browser, decrypts the relay token and keeps a key of its own (${version})`, async () => {
      rig = await start(version);
      const { methods } = await rig.call('auth:methods', { serverId: rig.serverId });
      expect(methods).toContainEqual({ kind: 'saml_relay', provider: 'okta', displayName: 'Okta' });
      expect(methods.at(-1)).toEqual({ kind: 'api_key' });

      const started = await rig.call('auth:ssoStart', {
        serverId: rig.serverId,
        kind: 'saml_relay',
        provider: 'okta',
      });
      expect(started.prompt.kind).toBe('saml_relay');
      const requestId = started.prompt.kind === 'saml_relay' ? started.prompt.requestId : '';
      expect(requestId).toMatch(/^[a-z0-9]{32}$/);
      expect(new URL(rig.browser.opened[0]!).searchParams.get('requestId')).toBe(requestId);

      const { server } = await rig.call('auth:ssoWait', { flowId: started.flowId });
      expect(server.signIn).toMatchObject({
        state: 'signed_in',
        method: 'sso',
        provider: 'okta',
        user: { id: rig.aliceId, username: 'alice' },
      });
      expect(server.signIn.expiresAt).not.toBeNull();

      // The relay token is deleted; the kubeconfig token it carried is logged out (deleted);
      // what remains of alice's is the browser's own session and the app's sign-in key.
      expect(rig.sim.state.sso.relayTokens.size).toBe(0);
      const alices = [...rig.sim.state.tokens.values()].filter((t) => t.userId === rig!.aliceId);
      expect(alices.map((t) => t.kind).sort()).toEqual(['apikey', 'session']);
      expect(alices.find((t) => t.kind === 'apikey')?.description).toBe(
        'Rancher Keys sign-in (okta)',
      );
      const polls = rig.sim.requests.filter((r) =>
        r.url.startsWith(
          version === '2.13'
            ? `/v1-public/authtokens/${requestId}`
            : `/v3-public/authTokens/${requestId}`,
        ),
      );
      expect(polls.at(-1)?.method).toBe('DELETE');

      expect(rig.progress.map((p) => p.state)).toEqual(
        expect.arrayContaining(['waiting', 'exchanging', 'creating_key', 'signed_in']),
      );
      // Keys can be listed with the new sign-in, and the activity log says how it was made.
      await rig.call('keys:refresh', { serverId: rig.serverId });
      const { entries } = await rig.call('activity:list', { serverId: rig.serverId });
      expect(entries).toContainEqual(
        expect.objectContaining({
          action: 'sign_in',
          outcome: 'ok',
          detail: 'with single sign-on (okta)',
        }),
      );

      // No secret reaches the log or anything the window was told.
      const told = JSON.stringify([started, server, rig.progress]);
      for (const secret of allSecrets(rig.sim)) {
        expect(rig.t.log.lines.join('\n')).not.toContain(secret);
        expect(told).not.toContain(secret);
      }
    });
  }

  it('times out, saying so in one sentence, when the IdP denies the user', async () => {
    rig = await start();
    rig.idp.saml.deny = true;
    const { flowId } = await rig.call('auth:ssoStart', {
      serverId: rig.serverId,
      kind: 'saml_relay',
      provider: 'okta',
    });
    const error = await rig.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^The Okta sign-in was not completed in the browser/);
    expect(rig.browser.visits.at(-1)?.url).toMatch(/\/dashboard\/auth\/login\?errorCode=403$/);
    expect(rig.progress.at(-1)).toMatchObject({ state: 'failed', error: { code: 'timeout' } });
    expect(rig.sim.state.sso.relayTokens.size).toBe(0);
  });

  it('times out when the browser page belonged to another request id', async () => {
    rig = await start();
    rig.sim.state.sso.hooks.relayUnderOtherRequestId = true;
    const { flowId } = await rig.call('auth:ssoStart', {
      serverId: rig.serverId,
      kind: 'saml_relay',
      provider: 'okta',
    });
    const error = await rig.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/request id/);
    // Rancher did store a token, under the other id: the app never took it.
    expect(rig.sim.state.sso.relayTokens.size).toBe(1);
  });

  it('times out when the user took longer than the 90 s cookie window at the IdP', async () => {
    rig = await start();
    rig.idp.saml.slow = true;
    const { flowId } = await rig.call('auth:ssoStart', {
      serverId: rig.serverId,
      kind: 'saml_relay',
      provider: 'okta',
    });
    const error = await rig.fail('auth:ssoWait', { flowId });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/90 seconds/);
    expect(rig.browser.visits.at(-1)?.url).toMatch(/\/login\?errorCode=403$/);
  });

  it('stops polling at once when cancelled: the poll in flight is aborted, no other is sent', async () => {
    rig = await start();
    rig.browser.stopAt = rig.idp.origin;
    // The simulator holds every poll open: only the app can end the one in flight.
    rig.sim.faults.add({ method: 'GET', path: '/v1-public/authtokens/', action: { kind: 'hang' } });
    const { flowId } = await rig.call('auth:ssoStart', {
      serverId: rig.serverId,
      kind: 'saml_relay',
      provider: 'okta',
    });
    const waiting = rig.t.dispatch('auth:ssoWait', { flowId });
    const polls = () => rig!.sim.requests.filter((r) => r.url.startsWith('/v1-public/authtokens/'));
    await until(() => polls().length === 1);
    expect(await rig.call('auth:ssoCancel', { flowId })).toEqual({ cancelled: true });
    const result = await waiting;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('The sign-in was cancelled.');
    // The held poll is aborted by the app (the transport's own timeout is 30 s away).
    await until(() => polls()[0]?.abandoned === true);
    // Ten poll intervals later, still that one poll and nothing else (no delete either).
    await new Promise((r) => setTimeout(r, 400));
    expect(polls()).toHaveLength(1);
    expect(rig.progress.at(-1)?.state).toBe('cancelled');
    expect(await rig.call('auth:ssoCancel', { flowId })).toEqual({ cancelled: false });
  });

  it('refuses a flow the server does not offer', async () => {
    rig = await start();
    const error = await rig.fail('auth:ssoStart', {
      serverId: rig.serverId,
      kind: 'saml_relay',
      provider: 'adfs',
    });
    expect(error.code).toBe('invalid_input');
  });
});
