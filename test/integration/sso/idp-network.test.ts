import { afterEach, describe, expect, it } from 'vitest';
import { proxyInputFromUrl } from '../../../electron/contract/proxy';
import { connectAzureProvider } from '../../rancher-sim/fake-idp';
import { createCa, issueServerCert } from '../../rancher-sim/tls';
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy';
import { until } from '../../support/until';
import { startSsoRig, type SsoRig } from './sso-rig';

/**
 * Requests to Entra (device code, token) go the way the Rancher server is reached: its proxy
 * setting and the operating system's trust store (issue 15 with issue 13's network stack), under
 * the flow's abort signal from the first request on. The fake Entra is served over HTTPS with a
 * certificate of its own test CA, which only the "OS" trust store holds.
 */
describe('Entra requests over the server’s network stack', () => {
  let rig: SsoRig | undefined;
  let proxy: ConnectProxy | undefined;
  afterEach(async () => {
    await rig?.close();
    await proxy?.close();
    rig = undefined;
    proxy = undefined;
  });

  async function entraBehindProxy(options: { trustIdpCa: boolean }) {
    const idpCa = await createCa({ fresh: true });
    const cert = await issueServerCert(idpCa, { hosts: ['127.0.0.1'] });
    proxy = await startConnectProxy();
    rig = await startSsoRig({
      simTls: true,
      proxy: proxyInputFromUrl(proxy.url),
      osCertificates: options.trustIdpCa ? [idpCa.certPem] : [],
      timing: { deviceIntervalMs: 30 },
      idp: {
        interval: 0,
        minPollGapMs: 5,
        tls: { certPem: cert.certPem, keyPem: cert.keyPem, caPem: idpCa.certPem },
      },
      connect: (sim, idp, aliceId) =>
        connectAzureProvider(sim.state, idp, { 'oid-alice': aliceId }),
    });
    return { rig, proxy, idpHost: new URL(rig.idp.origin).host };
  }

  const deviceStart = (r: SsoRig) =>
    ({ serverId: r.serverId, kind: 'azure_device_code', provider: 'azuread' }) as const;

  it('asks for the device code and polls the token endpoint through the proxy, trusting the OS store', async () => {
    const { rig: r, proxy: p, idpHost } = await entraBehindProxy({ trustIdpCa: true });
    const started = await r.call('auth:ssoStart', deviceStart(r));
    if (started.prompt.kind !== 'azure_device_code') throw new Error('not a device code prompt');
    r.idp.approve(started.prompt.userCode, 'oid-alice');
    const { server } = await r.call('auth:ssoWait', { flowId: started.flowId });
    expect(server.signIn).toMatchObject({ state: 'signed_in', method: 'sso', provider: 'azuread' });
    // Every connection to Entra was a CONNECT through the server's proxy, none direct.
    const toIdp = p.log.filter((e) => e.target === idpHost);
    expect(toIdp.length).toBeGreaterThan(0);
    expect(toIdp.every((e) => e.status === 200)).toBe(true);
    expect(
      r.idp.requests.some((q) => q.startsWith('POST /tenant-0000/oauth2/v2.0/devicecode')),
    ).toBe(true);
    // The proxy saw no OAuth form in the clear (the tunnel carries TLS to Entra).
    expect(p.clientBytes().includes('device_code')).toBe(false);
  });

  it('fails in one sentence naming the proxy when the proxy refuses Entra', async () => {
    const { rig: r, proxy: p, idpHost } = await entraBehindProxy({ trustIdpCa: true });
    p.refusedTargets.set(idpHost, 403);
    const error = await r.fail('auth:ssoStart', deviceStart(r));
    expect(error.code).toBe('unreachable');
    expect(error.proxy).toBe('blocked');
    expect(error.message).toContain(`does not allow connections to ${idpHost} (HTTP 403)`);
    expect(r.idp.requests).toEqual([]);
  });

  it('says the identity provider’s certificate is not trusted, without offering to trust it for the server', async () => {
    const { rig: r, idpHost } = await entraBehindProxy({ trustIdpCa: false });
    const error = await r.fail('auth:ssoStart', deviceStart(r));
    expect(error.code).toBe('tls_untrusted');
    expect(error.message).toMatch(
      new RegExp(
        `^The identity provider ${idpHost.replace(/\./g, '\\.')}'s certificate.* is not trusted`,
      ),
    );
    expect(error.certificate).toBeUndefined();
    expect(error.issuerCertificate).toBeUndefined();
  });
});

describe('Cancel while the device code is being asked for', () => {
  let rig: SsoRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('stops the first request at once: the start fails as cancelled and Entra sees the request go', async () => {
    const r = (rig = await startSsoRig({
      connect: (sim, idp, aliceId) =>
        connectAzureProvider(sim.state, idp, { 'oid-alice': aliceId }),
    }));
    r.idp.holdDeviceCode = true;
    const starting = r.fail('auth:ssoStart', {
      serverId: r.serverId,
      kind: 'azure_device_code',
      provider: 'azuread',
    });
    await until(() => r.idp.requests.some((q) => q.includes('/oauth2/v2.0/devicecode')));
    expect(await r.call('auth:ssoCancel', { serverId: r.serverId })).toEqual({ cancelled: true });
    // Entra holds the request for good: only the cancel can end the start.
    const error = await starting;
    expect(error).toEqual({ code: 'conflict', message: 'The sign-in was cancelled.' });
    // The held request was aborted by the app, not left to time out.
    await until(() => r.idp.heldClosed === 1);
    expect(await r.call('auth:ssoCancel', { serverId: r.serverId })).toEqual({ cancelled: false });
  });
});
