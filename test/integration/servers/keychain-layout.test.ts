import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../bridge/compose';
import { startRig, type Rig } from '../keys/harness';

const run = promisify(execFile);

let rig: Rig;

/** What `secret-tool` (another program reading the real keyring) sees under an account. */
async function lookup(account: string): Promise<string | null> {
  try {
    const args = ['lookup', 'service', rig.t.keychainService, 'account', account];
    return (await run('secret-tool', args)).stdout;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  rig = await startRig({ version: '2.13', core: { keep: true } });
});

afterAll(async () => {
  for (const account of await rig.t.secrets.accounts()) await rig.t.secrets.delete(account);
  await rig.close();
});

describe('keychain account layout on the real keyring', () => {
  it('keeps the sign-in credential at sign-in:<origin>, outside every key account', async () => {
    const origin = rig.sim.origin;
    expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
    expect(await lookup(`${origin}/@login`)).toBeNull();
  });

  it('moves a 0.1 sign-in item from <origin>/@login on first start and stays signed in', async () => {
    const origin = rig.sim.origin;
    await rig.t.core.stop();
    // The layout 0.1 left behind: the credential inside the key namespace.
    await rig.t.secrets.set(`${origin}/@login`, rig.sim.admin.token);
    await rig.t.secrets.delete(`sign-in:${origin}`);
    const again = createTestCore({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      keep: true,
    });
    try {
      await again.ready();
      expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
      expect(await lookup(`${origin}/@login`)).toBeNull();
      const refreshed = await again.dispatch('keys:refresh', { serverId: rig.serverId });
      expect(refreshed).toMatchObject({ ok: true, value: { results: [{ ok: true }] } });
    } finally {
      await again.close();
    }
  });

  it('leaves an old @login item in place when it is not the recorded sign-in credential', async () => {
    const origin = rig.sim.origin;
    const stranger = `token-zzzzz:${'q'.repeat(54)}`;
    await rig.t.secrets.set(`${origin}/@login`, stranger);
    const again = createTestCore({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      keep: true,
    });
    try {
      await again.ready();
      expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
      expect(await lookup(`${origin}/@login`)).toBe(stranger);
    } finally {
      await again.close();
      await rig.t.secrets.delete(`${origin}/@login`);
    }
  });
});
