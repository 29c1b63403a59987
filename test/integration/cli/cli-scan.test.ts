import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaintextScan } from '../../../electron/contract/plaintext';
import type { IssuedToken } from '../../rancher-sim';
import { cli2Json, kubeconfigYaml } from '../../support/plaintext-fixtures';
import { startRig, type Rig } from '../keys/harness';
import { buildCli, makeHome, runProgram, type CliBuild } from './cli-runner';

// `rancher-keys scan` as users run it (the bundle), reading the app's data and the real keychain.
describe('rancher-keys scan', () => {
  let rig: Rig;
  let cli: CliBuild;
  let home: { home: string; remove(): Promise<void> };
  let env: NodeJS.ProcessEnv;
  let held: IssuedToken;
  let loose: IssuedToken;
  const rk = (...args: string[]) => runProgram([...cli.prefix, ...args], env);

  beforeAll(async () => {
    [rig, cli] = await Promise.all([
      startRig({
        prepare: (sim) => {
          held = sim.state.addToken({ user: sim.admin.id });
          loose = sim.state.addToken({ user: sim.admin.id });
        },
      }),
      buildCli('bundle'),
    ]);
    await rig.call('keys:import', { serverId: rig.serverId, bearer: held.bearer });
    home = makeHome();
    env = {
      ...process.env,
      HOME: home.home,
      RANCHER_KEYS_DATA_DIR: rig.t.dataDir,
      RANCHER_KEYS_KEYCHAIN_SERVICE: rig.t.keychainService,
      RANCHER_CONFIG_DIR: path.join(home.home, 'rancher-cli'),
    };
    await mkdir(path.join(home.home, 'rancher-cli'), { recursive: true });
    await writeFile(
      path.join(home.home, 'rancher-cli', 'cli2.json'),
      cli2Json([{ name: 'rancherDefault', url: rig.sim.url, bearer: held.bearer }]),
    );
    await writeFile(
      path.join(home.home, 'extra.yaml'),
      kubeconfigYaml([
        // a YAML escape: the parsed user name holds ESC, which must not reach the terminal
        { name: 'x\\x1b[31m', server: `${rig.sim.url}/k8s/clusters/local`, token: loose.bearer },
      ]),
    );
    // The command reads what the app wrote; let the imported key reach the disk.
    await rig.t.core.stop();
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await cli?.remove();
    await home?.remove();
  });

  it('lists each token, its server and whether the app holds it; exit 1 while one is loose', async () => {
    const run = await rk('scan', '--json', path.join(home.home, 'extra.yaml'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as PlaintextScan;
    expect(out.files.map((f) => [f.origin, f.status])).toEqual([
      ['rancher_cli', 'ok'],
      ['kube_default', 'missing'],
      ['user_added', 'ok'],
    ]);
    expect(out.findings.map((f) => [f.accessKey, f.serverUrl, f.alreadyHeld])).toEqual([
      [held.name, rig.sim.url, true],
      [loose.name, rig.sim.url, false],
    ]);
    expect(run.stdout).not.toContain(held.secret);
    expect(run.stdout).not.toContain(loose.secret);
  });

  it('prints a table without secrets or terminal escapes from the files, exit 0 when all are held', async () => {
    const all = await rk('scan', path.join(home.home, 'extra.yaml'));
    expect(all.stdout).toContain('2 Rancher token(s) in plaintext, 1 not held');
    expect(all.stdout).not.toContain('\u001b');
    expect(all.stdout).not.toContain(loose.secret);
    const heldOnly = await rk('scan');
    expect(heldOnly.code).toBe(0);
    expect(heldOnly.stdout).toContain('0 not held');
  });
});
