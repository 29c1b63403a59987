import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../../../electron/core/network/network-policy';
import { envProxyResolver } from '../../../electron/core/network/proxy-env';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import type { TlsTrust } from '../../../electron/core/rancher/rancher-client';
import {
  defaultProxy,
  serverNetworkPolicy,
  type StoredProxy,
} from '../../../electron/core/servers/server-proxy';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { createCa } from '../../rancher-sim/tls';
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy';
import { failure } from '../../support/failure';

const noSystemProxy = envProxyResolver({});
const noOsCertificates = { certificates: () => Promise.resolve([] as string[]) };

function policy(
  proxy: Partial<StoredProxy>,
  password: string | null = null,
  osCertificates: readonly string[] = [],
): NetworkPolicy {
  return serverNetworkPolicy(
    { ...defaultProxy, ...proxy },
    {
      systemProxy: noSystemProxy,
      trustStore: { certificates: () => Promise.resolve(osCertificates) },
    },
    () => Promise.resolve(password),
  );
}

function client(sim: RancherSim, network: NetworkPolicy, tls: TlsTrust = { caPem: sim.caPem }) {
  return createRancherClient({
    origin: sim.origin,
    tls,
    timeoutMs: 5_000,
    credential: () => Promise.resolve(sim.admin.token),
    appVersion: 'test',
    version: sim.profile.versionString,
    network,
  });
}

/** The request header lines a proxy saw in the clear, lower-cased names. */
function headerNames(bytes: Buffer): string[] {
  return [...bytes.toString('latin1').matchAll(/^([A-Za-z-]+):/gm)].map((m) => m[1]!.toLowerCase());
}

describe('Rancher client through a CONNECT proxy', () => {
  let sim: RancherSim;
  let plainSim: RancherSim;
  const proxies: ConnectProxy[] = [];
  const proxy = async (options: Parameters<typeof startConnectProxy>[0] = {}) => {
    const started = await startConnectProxy(options);
    proxies.push(started);
    return started;
  };
  beforeAll(async () => {
    [sim, plainSim] = await Promise.all([
      startRancherSim({ version: '2.13', tls: true }),
      startRancherSim({ version: '2.13' }),
    ]);
  });
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });
  afterAll(() => Promise.all([sim.close(), plainSim.close()]));

  it('tunnels HTTPS with CONNECT: the proxy sees the target, never the Authorization header or the token', async () => {
    const open = await proxy();
    const before = sim.requests.length;
    const me = await client(sim, policy({ mode: 'url', url: open.url })).me();
    expect(me.id).toBe(sim.admin.id);
    expect(open.log).toEqual([
      expect.objectContaining({ target: `127.0.0.1:${sim.port}`, status: 200 }),
    ]);
    expect(open.log[0]!.head).toMatch(/^CONNECT 127\.0\.0\.1:\d+ HTTP\/1\.1\r\n/);
    const seen = open.clientBytes();
    const secret = sim.admin.token.split(':')[1]!;
    expect(headerNames(seen)).not.toContain('authorization');
    expect(seen.includes(secret)).toBe(false);
    expect(seen.includes(sim.admin.token)).toBe(false);
    expect(seen.includes('/v3/users')).toBe(false);
    expect(sim.requests.length).toBeGreaterThan(before);
  });

  it('sends the proxy credentials, and only to the proxy, when the proxy requires them', async () => {
    const auth = await proxy({ auth: { username: 'alice', password: 'proxy-pass-1' } });
    const me = await client(
      sim,
      policy({ mode: 'url', url: auth.url, username: 'alice', hasPassword: true }, 'proxy-pass-1'),
    ).me();
    expect(me.id).toBe(sim.admin.id);
    expect(auth.log[0]!.head).toMatch(/^Proxy-Authorization: Basic /m);
    expect(auth.log[0]!.status).toBe(200);
  });

  it('fails naming the 407 when the proxy wants credentials that were not given or are wrong', async () => {
    const auth = await proxy({ auth: { username: 'alice', password: 'proxy-pass-1' } });
    for (const network of [
      policy({ mode: 'url', url: auth.url }),
      policy({ mode: 'url', url: auth.url, username: 'alice', hasPassword: true }, 'wrong'),
    ]) {
      const error = await failure(client(sim, network).me());
      expect(error.code).toBe('unreachable');
      expect(error.proxy).toBe('auth_required');
      expect(error.message).toContain('407');
      expect(error.message).toContain(auth.url.replace('http://', ''));
      expect(error.message).not.toContain('wrong');
    }
  });

  it('fails naming the 403 when the proxy blocks the server', async () => {
    const refusing = await proxy({ refuse: 403 });
    const before = sim.requests.length;
    const error = await failure(client(sim, policy({ mode: 'url', url: refusing.url })).me());
    expect(error.proxy).toBe('blocked');
    expect(error.message).toMatch(/does not allow connections to 127\.0\.0\.1:\d+ \(HTTP 403\)/);
    expect(sim.requests.length).toBe(before);
  });

  it('fails naming the proxy when nothing answers at its address', async () => {
    const gone = await proxy();
    await gone.close();
    const error = await failure(client(sim, policy({ mode: 'url', url: gone.url })).me());
    expect(error.code).toBe('unreachable');
    expect(error.proxy).toBe('unreachable');
    expect(error.message).toContain(`The proxy ${gone.url}`);
    expect(error.message).toContain('refused the connection');
  });

  it("fails naming the proxy's TLS when an https:// proxy's certificate is not trusted, and works once the OS trusts its CA", async () => {
    const proxyCa = await createCa({ fresh: true });
    const { issueServerCert } = await import('../../rancher-sim/tls');
    const cert = await issueServerCert(proxyCa);
    const secure = await proxy({ tls: cert });
    const error = await failure(client(sim, policy({ mode: 'url', url: secure.url })).me());
    expect(error.proxy).toBe('tls');
    expect(error.message).toContain(`The proxy ${secure.url}'s own certificate`);
    const me = await client(
      sim,
      policy({ mode: 'url', url: secure.url }, null, [proxyCa.certPem]),
    ).me();
    expect(me.id).toBe(sim.admin.id);
    expect(secure.log.at(-1)?.status).toBe(200);
  });

  it('recognises a TLS-inspecting proxy: says so, names its CA, sends nothing, and works once that CA is trusted for the server', async () => {
    const inspectorCa = await createCa({ fresh: true });
    const inspecting = await proxy({ intercept: { ca: inspectorCa, upstreamCa: sim.caPem! } });
    const before = sim.requests.length;
    const error = await failure(client(sim, policy({ mode: 'url', url: inspecting.url })).me());
    expect(error.code).toBe('tls_untrusted');
    expect(error.proxy).toBe('intercepting');
    expect(error.message).toContain('inspects TLS');
    expect(error.issuerCertificate?.fingerprint256).toBe(inspectorCa.fingerprint256);
    expect(error.certificate?.issuer).toContain('rancher-sim CA');
    expect(sim.requests.length).toBe(before);
    const me = await client(sim, policy({ mode: 'url', url: inspecting.url }), {
      caPem: sim.caPem,
      proxyCaPem: inspectorCa.certPem,
    }).me();
    expect(me.id).toBe(sim.admin.id);
  });

  it('asks for the CA in the server settings when an inspecting proxy does not send its CA', async () => {
    const inspectorCa = await createCa({ fresh: true });
    const inspecting = await proxy({
      intercept: { ca: inspectorCa, upstreamCa: sim.caPem!, sendChain: false },
    });
    const error = await failure(client(sim, policy({ mode: 'url', url: inspecting.url })).me());
    expect(error.proxy).toBe('intercepting');
    expect(error.issuerCertificate).toBeUndefined();
    expect(error.message).toContain("to this server's CA setting");
    const me = await client(sim, policy({ mode: 'url', url: inspecting.url }), {
      caPem: inspectorCa.certPem,
    }).me();
    expect(me.id).toBe(sim.admin.id);
  });

  it('keeps the pin: a pinned server behind an inspecting proxy is refused even when the OS trusts the proxy CA', async () => {
    const inspectorCa = await createCa({ fresh: true });
    const inspecting = await proxy({ intercept: { ca: inspectorCa, upstreamCa: sim.caPem! } });
    const before = sim.requests.length;
    const error = await failure(
      client(sim, policy({ mode: 'url', url: inspecting.url }, null, [inspectorCa.certPem]), {
        caPem: sim.caPem,
        fingerprint256: sim.fingerprint256,
      }).me(),
    );
    expect(error.code).toBe('tls_untrusted');
    expect(error.certificateChanged).toBe(true);
    expect(error.proxy).toBe('intercepting');
    expect(sim.requests.length).toBe(before);
  });

  it('refuses plain HTTP through a proxy unless allowed for the server, and then forwards it', async () => {
    const open = await proxy();
    const error = await failure(client(plainSim, policy({ mode: 'url', url: open.url }), {}).me());
    expect(error.proxy).toBe('plain_http');
    expect(error.message).toContain('would see every credential');
    expect(open.log).toHaveLength(0);
    const me = await client(
      plainSim,
      policy({ mode: 'url', url: open.url, allowPlainHttp: true }),
      {},
    ).me();
    expect(me.id).toBe(plainSim.admin.id);
    expect(open.log).toHaveLength(1);
  });

  it('follows the environment in system mode: HTTPS_PROXY, bypassed by NO_PROXY', async () => {
    const open = await proxy();
    const system = (env: NodeJS.ProcessEnv) =>
      serverNetworkPolicy(
        { ...defaultProxy, mode: 'system' },
        { systemProxy: envProxyResolver(env), trustStore: noOsCertificates },
        () => Promise.resolve(null),
      );
    await client(sim, system({ HTTPS_PROXY: open.url })).me();
    expect(open.log).toHaveLength(1);
    await client(sim, system({ https_proxy: open.url, NO_PROXY: `127.0.0.1:${sim.port}` })).me();
    expect(open.log).toHaveLength(1);
    await client(sim, system({ HTTP_PROXY: open.url })).me();
    expect(open.log).toHaveLength(1);
  });

  it('trusts a server whose CA is in the OS store, without a CA setting or trust on first use', async () => {
    const error = await failure(client(sim, policy({ mode: 'none' }), {}).me());
    expect(error.code).toBe('tls_untrusted');
    const me = await client(sim, policy({ mode: 'none' }, null, [sim.caPem!]), {}).me();
    expect(me.id).toBe(sim.admin.id);
  });
});
