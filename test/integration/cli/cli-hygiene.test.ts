import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../keys/harness';
import { buildCli, makeHome, runProgram, type CliBuild } from './cli-runner';

const DAY = 86_400_000;

describe('rancher-keys hygiene', () => {
  let rig: Rig;
  let cli: CliBuild;
  let home: { home: string; remove(): Promise<void> };
  let env: NodeJS.ProcessEnv;
  const rk = (...args: string[]) => runProgram([...cli.prefix, ...args], env);

  beforeAll(async () => {
    [rig, cli] = await Promise.all([
      startRig({
        version: '2.13',
        prepare: (sim) => {
          const now = sim.clock.now();
          for (let i = 0; i < 6; i++) {
            sim.state.addToken({
              user: sim.admin.id,
              kind: 'kubeconfig',
              ttlMs: 30 * DAY,
              createdMs: now - (i < 2 ? 40 : 1) * DAY,
            });
          }
        },
      }),
      buildCli('bundle'),
    ]);
    await rig.call('keys:refresh', { serverId: rig.serverId });
    home = makeHome();
    env = {
      ...process.env,
      HOME: home.home,
      RANCHER_KEYS_DATA_DIR: rig.t.dataDir,
      RANCHER_KEYS_KEYCHAIN_SERVICE: rig.t.keychainService,
    };
    // The command reads what the app wrote; let the refreshed list reach the disk.
    await rig.t.core.stop();
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await cli?.remove();
    await home?.remove();
  });

  it('counts the groups as the app does, without the sign-in token, in text and JSON', async () => {
    const text = await rk('hygiene');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/kubeconfig tokens\s+6\n/);
    expect(text.stdout).toMatch(/expired\s+2\n/);
    const json = await rk('hygiene', '--json');
    const parsed = JSON.parse(json.stdout) as {
      unusedDays: number;
      servers: Array<{ groups: Array<{ id: string; count: number; keyIds: string[] }> }>;
    };
    expect(parsed.unusedDays).toBe(90);
    const groups = parsed.servers[0]?.groups ?? [];
    expect(groups.find((g) => g.id === 'kubeconfig')?.count).toBe(6);
    const signIn = rig.sim.admin.token.split(':')[0] ?? '';
    for (const g of groups) expect(g.keyIds).not.toContain(signIn);
    for (const out of [text.stdout, json.stdout]) {
      expect(out).not.toContain(rig.sim.admin.token.split(':')[1]);
    }
  });

  it('refuses an unknown server with one sentence', async () => {
    const run = await rk('hygiene', '--server', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^rancher-keys: There is no server "nope"/);
  });
});
