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
      // The move runs in the background; a refresh reads the credential only after it.
      const refreshed = await again.dispatch('keys:refresh', { serverId: rig.serverId });
      expect(refreshed).toMatchObject({ ok: true, value: { results: [{ ok: true }] } });
      expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
      expect(await lookup(`${origin}/@login`)).toBeNull();
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
      await again.core.stop(); // waits for the move in the background
      expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
      expect(await lookup(`${origin}/@login`)).toBe(stranger);
    } finally {
      await again.close();
      await rig.t.secrets.delete(`${origin}/@login`);
    }
  });

  it('lists cached keys at start without waiting for the move; the refresh waits for it', async () => {
    const origin = rig.sim.origin;
    await rig.t.secrets.set(`${origin}/@login`, rig.sim.admin.token);
    await rig.t.secrets.delete(`sign-in:${origin}`);
    // The real keyring, with reads of the old account held until released (a slow keychain).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const keyring = rig.t.secrets;
    const again = createTestCore({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      keep: true,
      secrets: {
        ...keyring,
        get: async (account) => {
          if (account.endsWith('/@login')) await held;
          return keyring.get(account);
        },
        set: (account, secret) => keyring.set(account, secret),
        delete: (account) => keyring.delete(account),
        accounts: () => keyring.accounts(),
        status: () => keyring.status(),
      },
    });
    try {
      await again.ready();
      const listed = await again.dispatch('keys:list', { serverId: rig.serverId });
      expect(listed.ok).toBe(true);
      let refreshed = false;
      const refresh = again
        .dispatch('keys:refresh', { serverId: rig.serverId })
        .then((result) => ((refreshed = true), result));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(refreshed).toBe(false);
      expect(await lookup(`sign-in:${origin}`)).toBeNull();
      release();
      expect(await refresh).toMatchObject({ ok: true, value: { results: [{ ok: true }] } });
      expect(await lookup(`sign-in:${origin}`)).toBe(rig.sim.admin.token);
    } finally {
      release();
      await again.close();
    }
  });
});
