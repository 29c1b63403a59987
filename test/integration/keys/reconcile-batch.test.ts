import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../electron/core/vault/keytar-secret-store';
import type { SecretStore } from '../../../electron/core/vault/secret-store';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { rigCalls } from './harness';

/**
 * A refresh of every server compares records with the keychain once for all of them: one write
 * probe and one listing of the real keyring (key-refresh.ts), where each server used to ask for
 * both. The counting wrapper stands in for nothing: every call reaches the real keyring.
 */

const calls = { status: 0, accounts: 0 };
/** When set, the keyring "locks" after the look: reads answer null and the probe fails. */
let lockedAfterLook = false;
let looked = false;

function counting(store: SecretStore): SecretStore {
  return {
    get: (account) => (lockedAfterLook && looked ? Promise.resolve(null) : store.get(account)),
    set: (account, secret) => store.set(account, secret),
    delete: (account) => store.delete(account),
    accounts: () => {
      calls.accounts++;
      looked = true;
      return store.accounts();
    },
    status: () => {
      calls.status++;
      return lockedAfterLook && looked
        ? Promise.resolve({ status: 'locked', reason: 'Locked for the test.', fix: null })
        : store.status();
    },
  };
}

const service = `rancher-keys-test-${randomBytes(4).toString('hex')}`;
const keyring = createKeytarSecretStore({ service });
let sims: RancherSim[] = [];
let t: TestCore;
let call: ReturnType<typeof rigCalls>['call'];
const serverIds: string[] = [];

beforeAll(async () => {
  sims = await Promise.all([1, 2, 3].map(() => startRancherSim({ version: '2.13' })));
  t = createTestCore({ secrets: counting(keyring), keychainService: service });
  ({ call } = rigCalls(t));
  for (const sim of sims) {
    const { server } = await call('servers:add', { url: sim.url });
    await call('auth:signIn', { serverId: server.id, method: 'api_key', token: sim.admin.token });
    serverIds.push(server.id);
  }
  await call('keys:refresh', {});
});

afterAll(async () => {
  for (const account of await keyring.accounts()) await keyring.delete(account);
  await t.close();
  await Promise.all(sims.map((s) => s.close()));
});

describe('a refresh of every server and the keychain (real keyring, three simulators)', () => {
  it('probes and lists the keychain once for all servers, not once per server', async () => {
    calls.status = calls.accounts = 0;
    const { results } = await call('keys:refresh', {});
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(calls).toEqual({ status: 1, accounts: 1 });
    // The next refresh looks again: nothing is remembered between refreshes.
    await call('keys:refresh', {});
    expect(calls).toEqual({ status: 2, accounts: 2 });
  });

  it('drops no claimed secret when the keyring locks after the look', async () => {
    const created = await Promise.all(
      serverIds.map((serverId) =>
        call('keys:create', {
          serverId,
          description: 'kept',
          expiry: { kind: 'duration', ms: 86_400_000 },
        }),
      ),
    );
    // The keychain answered the look with every secret; then it locks: every read answers null.
    // A record whose secret is missing from the look is the case that reads (a create in flight),
    // so one secret is taken out of the keyring behind the app's back, then the keyring locks.
    const [first] = created;
    if (!first) throw new Error('no key');
    await keyring.delete(`${sims[0]?.origin}/${first.key.id}`);
    lockedAfterLook = true;
    looked = false;
    try {
      await call('keys:refresh', {});
    } finally {
      lockedAfterLook = false;
    }
    const listed = await call('keys:list', { serverId: serverIds[0] ?? '' });
    // Locked, so nothing could be proven gone: the record still claims its secret.
    expect(listed.keys.find((k) => k.id === first.key.id)?.hasSecret).toBe(true);
    // Unlocked again, the next refresh finds the secret really gone and stops claiming it.
    await call('keys:refresh', {});
    const again = await call('keys:list', { serverId: serverIds[0] ?? '' });
    expect(again.keys.find((k) => k.id === first.key.id)?.hasSecret).toBe(false);
  });
});
