import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy';
import { startRig, type Rig } from '../keys/harness';
import { buildCli, makeHome, runProgram, type CliBuild } from './cli-runner';

const DAY = 86_400_000;

/**
 * The command reaches a server set to "system proxy" as the environment says: through
 * HTTPS_PROXY, unless NO_PROXY lists it. `kubeconfig --cluster NAME` is the command that calls
 * Rancher (to look the cluster up).
 */
describe('rancher-keys through the environment proxy', () => {
  let rig: Rig;
  let cli: CliBuild;
  let proxy: ConnectProxy;
  let home: { home: string; remove(): Promise<void> };
  let keyId: string;

  beforeAll(async () => {
    [rig, cli, proxy] = await Promise.all([
      startRig({ tls: true, trustCa: true, version: '2.13' }),
      buildCli('bundle'),
      startConnectProxy(),
    ]);
    rig.sim.state.addCluster({ id: 'c-m-prod1234', name: 'prod' });
    home = makeHome();
    const created = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'via proxy',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    keyId = created.key.id;
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await cli?.remove();
    await proxy?.close();
    await home?.remove();
  });

  const rk = (extra: NodeJS.ProcessEnv, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home.home,
      RANCHER_KEYS_DATA_DIR: rig.t.dataDir,
      RANCHER_KEYS_KEYCHAIN_SERVICE: rig.t.keychainService,
      ...extra,
    };
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'KUBECONFIG']) {
      if (!(name in extra)) delete env[name];
    }
    return runProgram([...cli.prefix, ...args], env);
  };
  const kubeconfig = (name: string, env: NodeJS.ProcessEnv) =>
    rk(env, 'kubeconfig', '--cluster', 'prod', '--key', keyId, '-o', path.join(home.home, name));

  it('looks the cluster up through HTTPS_PROXY, tunnelled, with no token in what the proxy sees', async () => {
    const run = await kubeconfig('a.kubeconfig', { HTTPS_PROXY: proxy.url });
    expect(run.stderr).toContain('Wrote');
    expect(run.code).toBe(0);
    expect(proxy.log.map((entry) => entry.target)).toContain(`127.0.0.1:${rig.sim.port}`);
    expect(/^authorization:/im.test(proxy.clientBytes().toString('latin1'))).toBe(false);
  });

  it('goes direct when NO_PROXY lists the server', async () => {
    const before = proxy.log.length;
    const run = await kubeconfig('b.kubeconfig', {
      https_proxy: proxy.url,
      no_proxy: `localhost,127.0.0.1:${rig.sim.port}`,
    });
    expect(run.code).toBe(0);
    expect(proxy.log.length).toBe(before);
  });
});
