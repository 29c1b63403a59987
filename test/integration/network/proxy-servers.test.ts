import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { envProxyResolver } from '../../../electron/core/network/proxy-env';
import { systemClock } from '../../../electron/core/ports';
import { createServerService } from '../../../electron/core/servers/create-server-service';
import type { ServerService } from '../../../electron/core/servers/server-service';
import { createMetadataStore } from '../../../electron/core/vault/metadata-store';
import { proxyInputFromUrl } from '../../../electron/contract/proxy';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { createCa } from '../../rancher-sim/tls';
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy';
import { failure } from '../../support/failure';
import { testKeychain } from '../../support/test-keychain';

const { secrets, lookup, clear } = testKeychain();

afterAll(clear);

describe('server proxy settings', () => {
  let dir: string;
  let servers: ServerService;
  let rancher: RancherSim;
  const proxies: ConnectProxy[] = [];
  const build = () =>
    createServerService({
      metadata: createMetadataStore({ dir, log: createMemoryLogger() }),
      secrets,
      clock: systemClock,
      log: createMemoryLogger(),
      appVersion: 'test',
      nearExpiryCount: () => 0,
      network: {
        systemProxy: envProxyResolver({}),
        trustStore: { certificates: () => Promise.resolve([]) },
      },
    });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-proxy-'));
    rancher = await startRancherSim({ tls: true });
    servers = build();
    await servers.load();
  });
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    await rancher.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the proxy password in the keychain, never in metadata, and uses it after a restart', async () => {
    const proxy = await startConnectProxy({ auth: { username: 'bob', password: 's3cret-proxy' } });
    proxies.push(proxy);
    const hostPort = proxy.url.replace('http://', '');
    const added = await servers.add({
      url: rancher.origin,
      caPem: rancher.caPem,
      proxy: proxyInputFromUrl(`http://bob:s3cret-proxy@${hostPort}`),
    });
    expect(added.proxy).toEqual({
      mode: 'url',
      url: proxy.url,
      username: 'bob',
      hasPassword: true,
      allowPlainHttp: false,
    });
    expect(await lookup(`proxy:${rancher.origin}`)).toBe('s3cret-proxy');
    const files = await readFile(path.join(dir, 'servers.json'), 'utf8');
    expect(files).not.toContain('s3cret-proxy');
    const reloaded = build();
    await reloaded.load();
    await reloaded.signIn({ serverId: added.id, method: 'api_key', token: rancher.admin.token });
    expect((await reloaded.clientFor(added.id).me()).id).toBe(rancher.admin.id);
    expect(proxy.log.every((entry) => entry.status === 200)).toBe(true);
    await reloaded.remove(added.id);
    expect(await lookup(`proxy:${rancher.origin}`)).toBeNull();
  });

  it('tries a new proxy setting before keeping it: a wrong password is reported and nothing changes', async () => {
    const proxy = await startConnectProxy({ auth: { username: 'bob', password: 'right' } });
    proxies.push(proxy);
    const added = await servers.add({ url: rancher.origin, caPem: rancher.caPem });
    expect(added.proxy.mode).toBe('system');
    const wrong = await failure(
      servers.update({
        id: added.id,
        proxy: { mode: 'url', url: proxy.url, username: 'bob', password: 'wrong' },
      }),
    );
    expect(wrong).toMatchObject({ code: 'unreachable', proxy: 'auth_required' });
    expect(servers.list()[0]?.proxy.mode).toBe('system');
    expect(await lookup(`proxy:${rancher.origin}`)).toBeNull();
    const updated = await servers.update({
      id: added.id,
      proxy: { mode: 'url', url: proxy.url, username: 'bob', password: 'right' },
    });
    expect(updated.proxy).toMatchObject({ mode: 'url', username: 'bob', hasPassword: true });
    const direct = await servers.update({ id: added.id, proxy: { mode: 'none' } });
    expect(direct.proxy).toMatchObject({ mode: 'none', url: null, hasPassword: false });
    expect(await lookup(`proxy:${rancher.origin}`)).toBeNull();
  });

  it("trusts an inspecting proxy's CA for this server only, after the user reviewed it", async () => {
    const inspectorCa = await createCa({ fresh: true });
    const proxy = await startConnectProxy({
      intercept: { ca: inspectorCa, upstreamCa: rancher.caPem! },
    });
    proxies.push(proxy);
    const added = await servers.add({ url: rancher.origin, caPem: rancher.caPem });
    const intercepted = await failure(
      servers.update({ id: added.id, proxy: { mode: 'url', url: proxy.url } }),
    );
    expect(intercepted.proxy).toBe('intercepting');
    const issuer = intercepted.issuerCertificate!;
    expect(issuer.fingerprint256).toBe(inspectorCa.fingerprint256);
    const other = await failure(
      servers.update({
        id: added.id,
        proxy: { mode: 'url', url: proxy.url },
        proxyCaFingerprint256: rancher.fingerprint256!,
      }),
    );
    expect(other.code).toBe('invalid_input');
    const trusted = await servers.update({
      id: added.id,
      proxy: { mode: 'url', url: proxy.url },
      proxyCaFingerprint256: issuer.fingerprint256,
    });
    expect(trusted.proxyCa?.fingerprint256).toBe(inspectorCa.fingerprint256);
    expect(trusted.proxy.url).toBe(proxy.url);
    await servers.signIn({ serverId: added.id, method: 'api_key', token: rancher.admin.token });
    expect((await servers.clientFor(added.id).me()).id).toBe(rancher.admin.id);
  });
});
