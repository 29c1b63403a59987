import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../electron/contract/activity';
import { createManualClock } from '../../bridge/compose';
import { startRig, type Rig } from '../keys/harness';

const HOUR = 3_600_000;

// Revocations the app does on its own, with no call of the user's for the recorder to see, are in
// the activity log with their outcome and why (issue 16): the real core on the real keychain
// against the simulator.
describe('background revocations in the activity log', () => {
  let rig: Rig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  async function revokeEntries(r: Rig, keyId: string): Promise<ActivityEntry[]> {
    const { entries } = await r.call('activity:list', { keyId, action: 'revoke' });
    return entries.slice().reverse();
  }
  const summary = (entries: ActivityEntry[]) =>
    entries.map((e) => [e.outcome, e.errorCode, e.detail]);

  /** Creates a key and deletes it while the server answers 503: it is left pending revocation. */
  async function deleteWhileDown(r: Rig, description: string) {
    const { key } = await r.call('keys:create', {
      serverId: r.serverId,
      description,
      expiry: { kind: 'max' },
    });
    const down = r.sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 503 },
    });
    await r.call('keys:delete', { serverId: r.serverId, keyIds: [key.id] });
    return { key, down };
  }

  it('records a pending revocation, then its retry once the server answers, once each', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const { key, down } = await deleteWhileDown(rig, 'retry me');
    // Still unreachable at the next refresh: retried, still pending, not recorded again.
    await rig.call('keys:refresh', { serverId });
    down.remove();
    await rig.call('keys:refresh', { serverId });
    expect(sim.state.tokens.has(key.name)).toBe(false);
    expect(summary(await revokeEntries(rig, key.id))).toEqual([
      ['pending', 'server_error', 'server unreachable; revoked when it answers'],
      ['ok', null, 'pending revocation retried'],
    ]);
  });

  it('records the revocation of a renewed key when its grace period ends', async () => {
    const clock = createManualClock(Date.now());
    rig = await startRig({ version: '2.13', clock, core: { clock } });
    const { serverId, sim } = rig;
    const { key } = await rig.call('keys:create', {
      serverId,
      description: 'rotate me',
      expiry: { kind: 'max' },
    });
    const renewed = await rig.call('keys:renew', {
      serverId,
      keyId: key.id,
      revokeOldAfterMs: HOUR,
    });
    expect(await revokeEntries(rig, key.id)).toEqual([]);
    clock.advance(HOUR + 1_000);
    await expect.poll(() => sim.state.tokens.has(key.name)).toBe(false);
    await expect
      .poll(async () => summary(await revokeEntries(rig!, key.id)))
      .toEqual([['ok', null, 'grace period after renewal ended']]);
    const [entry] = await revokeEntries(rig, key.id);
    const { servers } = await rig.call('servers:list', {});
    expect(entry?.serverName).toBe(servers[0]?.name);
    expect(entry?.serverName).toBeTruthy();
    expect(sim.state.tokens.has(renewed.key.name)).toBe(true);
  });

  it('records the old key of a renewal revoked at once, pending when the server is down', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const { key } = await rig.call('keys:create', {
      serverId,
      description: 'renew now',
      expiry: { kind: 'max' },
    });
    await rig.call('keys:renew', { serverId, keyId: key.id });
    expect(sim.state.tokens.has(key.name)).toBe(false);
    expect(summary(await revokeEntries(rig, key.id))).toEqual([
      ['ok', null, 'renewed; old key revoked at once'],
    ]);

    const { key: other } = await rig.call('keys:create', {
      serverId,
      description: 'renew while down',
      expiry: { kind: 'max' },
    });
    const down = sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 503 },
    });
    await rig.call('keys:renew', { serverId, keyId: other.id });
    down.remove();
    await rig.call('keys:refresh', { serverId });
    expect(summary(await revokeEntries(rig, other.id))).toEqual([
      [
        'pending',
        'server_error',
        'renewed; old key revoked at once: server unreachable; revoked when it answers',
      ],
      ['ok', null, 'pending revocation retried'],
    ]);
  });

  it('records a pending revocation completed because the key left the server meanwhile', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const { key, down } = await deleteWhileDown(rig, 'gone meanwhile');
    down.remove();
    // Revoked in Rancher's own UI (or by the server) while the app waited.
    sim.state.tokens.delete(key.name);
    await rig.call('keys:refresh', { serverId });
    expect((await rig.call('keys:list', { serverId })).keys.some((k) => k.id === key.id)).toBe(
      false,
    );
    expect(summary(await revokeEntries(rig, key.id))).toEqual([
      ['pending', 'server_error', 'server unreachable; revoked when it answers'],
      ['ok', null, 'pending revocation completed: already gone from the server'],
    ]);
  });

  it('records the revocation of a key created before a crash whose secret was never stored', async () => {
    let crash = true;
    rig = await startRig({
      version: '2.13',
      core: {
        // Stands in for the process dying right after the server created the key.
        crashPoint: (step) => {
          if (crash && step === 'server-created') throw new Error('simulated crash');
        },
      },
    });
    const { serverId, sim } = rig;
    await rig.fail('keys:create', { serverId, description: 'orphan', expiry: { kind: 'max' } });
    crash = false;
    const orphan = [...sim.state.tokens.values()].find((t) => t.description === 'orphan');
    expect(orphan).toBeDefined();
    await rig.call('keys:refresh', { serverId });
    expect(sim.state.tokens.has(orphan!.name)).toBe(false);
    expect(summary(await revokeEntries(rig, orphan!.name))).toEqual([
      ['ok', null, 'created before a crash, its secret never stored'],
    ]);
  });
});
