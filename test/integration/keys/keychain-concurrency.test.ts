import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../electron/core/vault/keytar-secret-store';
import { parseProbeAccount } from '../../../electron/core/vault/keychain-accounts';
import { startRig, type Rig } from './harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig({ version: '2.13' });
});

afterAll(async () => {
  await rig.close();
});

describe('the keychain under concurrency (real gnome-keyring)', () => {
  it('creates 20 keys in parallel without a spurious keychain error and leaves no probe item', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rig.t.dispatch('keys:create', {
          serverId: rig.serverId,
          description: `parallel-${i}`,
          expiry: { kind: 'duration', ms: 86_400_000 },
        }),
      ),
    );
    const failures = results.flatMap((r) => (r.ok ? [] : [`${r.error.code}: ${r.error.message}`]));
    expect(failures).toEqual([]);
    const accounts = await rig.t.secrets.accounts();
    expect(accounts.filter((a) => parseProbeAccount(a) !== null)).toEqual([]);
    for (const token of rig.sim.state.tokens.values()) {
      if (!token.description.startsWith('parallel-')) continue;
      expect(accounts).toContain(`${rig.sim.origin}/${token.name}`);
    }
  });

  it('removes probe items a killed process left behind and keeps a running one’s', async () => {
    const store = createKeytarSecretStore({ service: rig.t.keychainService });
    await store.set('probe/4194305/left-by-a-killed-process', 'probe');
    await store.set(`probe/${process.ppid}/in-flight-elsewhere`, 'probe');
    expect((await store.status()).status).toBe('available');
    // The sweep runs behind the first probe; the next call waits for it (calls are serialised).
    const accounts = await store.accounts();
    expect(accounts).not.toContain('probe/4194305/left-by-a-killed-process');
    expect(accounts).toContain(`probe/${process.ppid}/in-flight-elsewhere`);
    await store.delete(`probe/${process.ppid}/in-flight-elsewhere`);
  });
});
