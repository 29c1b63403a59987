import { afterEach, describe, expect, it } from 'vitest';
import { connectAzureProvider, connectSamlProvider } from '../../rancher-sim/fake-idp';
import { allSecrets, startSsoRig, type SsoRig } from './sso-rig';

const okta = { id: 'okta', type: 'oktaProvider' };

/**
 * After single sign-on the app makes its own key from the token it obtained. When Rancher refuses
 * that (a server or admission policy against keys made from sign-in tokens), the obtained token
 * itself becomes the sign-in, marked as such, with its real expiry, as a password sign-in keeps its
 * session; when that token cannot manage keys either, one sentence says what to do and the token is
 * logged out.
 */
describe('single sign-on when Rancher refuses to create the key', () => {
  let rig: SsoRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function samlSignIn(r: SsoRig) {
    const started = await r.call('auth:ssoStart', {
      serverId: r.serverId,
      kind: 'saml_relay',
      provider: 'okta',
    });
    return { started };
  }

  const saml = () =>
    startSsoRig({
      connect: (sim, idp, aliceId) => connectSamlProvider(sim.state, idp, okta, { alice: aliceId }),
    });

  it('keeps SAML’s kubeconfig token as the sign-in, with its real expiry, when Rancher refuses (403)', async () => {
    const r = (rig = await saml());
    r.sim.state.sso.hooks.refuseKeyCreation = { status: 403, kinds: ['kubeconfig'] };
    const { started } = await samlSignIn(r);
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    const alices = [...r.sim.state.tokens.values()].filter((t) => t.userId === r.aliceId);
    const kubeconfig = alices.find((t) => t.kind === 'kubeconfig');
    expect(alices.some((t) => t.kind === 'apikey')).toBe(false);
    expect(kubeconfig).toBeDefined();
    expect(server.signIn).toMatchObject({
      state: 'signed_in',
      method: 'sso',
      provider: 'okta',
      obtained: 'kubeconfig',
      expiresAt: kubeconfig!.expiresAt,
    });
    // It works as the sign-in: keys can be listed with it.
    await r.call('keys:refresh', { serverId: r.serverId });
    expect(r.t.log.lines.join('\n')).toContain('Rancher refused a key made from the sign-in');
    const told = JSON.stringify([started, server, r.progress]);
    for (const secret of allSecrets(r.sim)) {
      expect(r.t.log.lines.join('\n')).not.toContain(secret);
      expect(told).not.toContain(secret);
    }
    // Signing out logs it out: the token is gone from the server.
    await r.call('auth:signOut', { serverId: r.serverId });
    expect(r.sim.state.tokens.has(kubeconfig!.name)).toBe(false);
  });

  it('keeps Azure AD’s session as the sign-in when Rancher refuses keys from sessions (422)', async () => {
    const r = (rig = await startSsoRig({
      idp: { interval: 0, minPollGapMs: 5 },
      timing: { deviceIntervalMs: 30 },
      connect: (sim, idp, aliceId) =>
        connectAzureProvider(sim.state, idp, { 'oid-alice': aliceId }),
    }));
    r.sim.state.sso.hooks.refuseKeyCreation = { status: 422, kinds: ['session'] };
    const started = await r.call('auth:ssoStart', {
      serverId: r.serverId,
      kind: 'azure_device_code',
      provider: 'azuread',
    });
    if (started.prompt.kind !== 'azure_device_code') throw new Error('not a device code prompt');
    r.idp.approve(started.prompt.userCode, 'oid-alice');
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    const session = [...r.sim.state.tokens.values()].find(
      (t) => t.userId === r.aliceId && t.kind === 'session',
    );
    expect(session).toBeDefined();
    expect(server.signIn).toMatchObject({
      state: 'signed_in',
      obtained: 'session',
      expiresAt: session!.expiresAt,
    });
  });

  it('says what to do in one sentence, and logs the token out, when it cannot manage keys either', async () => {
    const r = (rig = await saml());
    r.sim.state.sso.hooks.refuseKeyCreation = { status: 403, kinds: ['kubeconfig'] };
    r.sim.faults.add({
      method: 'GET',
      path: /^\/v3\/tokens\/kubeconfig-/,
      action: { kind: 'status', status: 403 },
    });
    const { started } = await samlSignIn(r);
    const error = await r.fail('auth:ssoWait', { flowId: started.flowId });
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(
      /signed you in but refused to create a Rancher Keys key, and the sign-in it gave cannot manage keys: paste an API key made in the Rancher dashboard, or ask your Rancher administrator to allow API keys\.$/,
    );
    const alices = [...r.sim.state.tokens.values()].filter((t) => t.userId === r.aliceId);
    expect(alices.map((t) => t.kind)).toEqual(['session']);
    const { servers } = await r.call('servers:list', {});
    expect(servers.find((s) => s.id === r.serverId)?.signIn.state).toBe('signed_out');
  });
});
