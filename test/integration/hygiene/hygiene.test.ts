import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../electron/contract/ipc';
import { startRig, type Rig } from '../keys/harness';

const DAY = 86_400_000;

describe('clean-up over the real core and the simulator', () => {
  let rig: Rig;
  const progress: Array<EventPayload<'hygiene:progress'>> = [];
  beforeAll(async () => {
    rig = await startRig({
      version: '2.13',
      prepare: (sim) => {
        const now = sim.clock.now();
        sim.state.addCluster({ id: 'c-m-4x7kq2lb', name: 'prod-eu' });
        for (let i = 0; i < 600; i++) {
          sim.state.addToken({
            user: sim.admin.id,
            kind: 'kubeconfig',
            ttlMs: 30 * DAY,
            createdMs: now - (i % 2 ? 40 : 2) * DAY,
            clusterId: i % 4 === 0 ? 'c-m-gone0001' : i % 4 === 1 ? 'c-m-4x7kq2lb' : null,
          });
        }
        sim.state.addExtToken({
          user: sim.admin.id,
          description: 'disabled one',
          enabled: false,
          ttlMs: 30 * DAY,
          createdMs: now - DAY,
        });
      },
    });
    await rig.call('keys:refresh', { serverId: rig.serverId });
    rig.t.core.subscribe((event, payload) => {
      if (event === 'hygiene:progress') progress.push(payload as EventPayload<'hygiene:progress'>);
    });
  });
  afterAll(() => rig.close());

  it('counts the groups, kubeconfig tokens per cluster, and never the sign-in token', async () => {
    const scan = await rig.call('hygiene:scan', {});
    const count = (id: string) => scan.groups.find((g) => g.id === id)?.count;
    expect(count('kubeconfig')).toBe(600);
    expect(count('expired')).toBe(300);
    expect(count('orphaned')).toBe(150);
    expect(count('disabled')).toBe(1);
    const kube = scan.groups.find((g) => g.id === 'kubeconfig')?.clusters ?? [];
    expect(kube).toContainEqual({ clusterId: 'c-m-4x7kq2lb', clusterName: 'prod-eu', count: 150 });
    expect(kube).toContainEqual({ clusterId: 'c-m-gone0001', clusterName: null, count: 150 });
    const signIn = rig.sim.admin.token.split(':')[0];
    for (const group of scan.groups) {
      const { members } = await rig.call('hygiene:members', { group: group.id });
      expect(members.map((m) => m.keyId)).not.toContain(signIn);
    }
    expect(scan.servers[0]).toMatchObject({ signedIn: true, clustersUnknown: false });
  });

  it('previews exactly what would go and refuses the sign-in token when it is asked for', async () => {
    const signIn = rig.sim.admin.token.split(':')[0] ?? '';
    const preview = await rig.call('hygiene:preview', {
      groups: ['orphaned'],
      targets: [{ serverId: rig.serverId, keyIds: [signIn] }],
    });
    expect(preview.total).toBe(150);
    expect(preview.servers[0]?.members.every((m) => m.clusterId === 'c-m-gone0001')).toBe(true);
    expect(preview.skipped).toEqual([
      { serverId: rig.serverId, keyId: signIn, reason: 'Rancher Keys signs in with this key.' },
    ]);
    const refused = await rig.call('hygiene:revoke', {
      jobId: 'job-signin-1',
      targets: [{ serverId: rig.serverId, keyIds: [signIn] }],
    });
    expect(refused.results).toEqual([
      expect.objectContaining({ keyId: signIn, outcome: 'failed' }),
    ]);
    expect(rig.sim.state.tokens.has(signIn)).toBe(true);
  });

  it('revokes the previewed tokens on the server, reporting progress and per-item results', async () => {
    const preview = await rig.call('hygiene:preview', { groups: ['orphaned'] });
    const keyIds = preview.servers[0]?.members.map((m) => m.keyId) ?? [];
    const done = await rig.call('hygiene:revoke', {
      jobId: 'job-orphans-1',
      targets: [{ serverId: rig.serverId, keyIds }],
    });
    expect(done.cancelled).toBe(false);
    expect(done.results.map((r) => r.outcome)).toEqual(keyIds.map(() => 'revoked'));
    for (const id of keyIds) expect(rig.sim.state.tokens.has(id)).toBe(false);
    expect(progress.filter((p) => p.jobId === 'job-orphans-1').at(-1)).toEqual({
      jobId: 'job-orphans-1',
      done: 150,
      total: 150,
      failed: 0,
    });
    expect(
      (await rig.call('hygiene:scan', {})).groups.find((g) => g.id === 'orphaned')?.count,
    ).toBe(0);
  });

  it('leaves tokens pending revocation when the server cannot be reached', async () => {
    const preview = await rig.call('hygiene:preview', { groups: ['disabled'] });
    const keyIds = preview.servers[0]?.members.map((m) => m.keyId) ?? [];
    expect(keyIds).toHaveLength(1);
    const fault = rig.sim.faults.add({
      method: 'DELETE',
      path: '/apis/ext.cattle.io',
      action: { kind: 'status', status: 503 },
    });
    const done = await rig.call('hygiene:revoke', {
      jobId: 'job-pending-1',
      targets: [{ serverId: rig.serverId, keyIds }],
    });
    fault.remove();
    expect(done.results[0]?.outcome).toBe('pending_revocation');
    const list = await rig.call('keys:list', { serverId: rig.serverId, includeSystem: true });
    expect(list.keys.find((k) => k.id === keyIds[0])?.state).toBe('pending_revocation');
  });

  it('names the error code of each token it could not revoke, in the report and the activity log', async () => {
    const preview = await rig.call('hygiene:preview', { groups: ['kubeconfig'] });
    const keyIds = preview.servers[0]?.members.slice(0, 2).map((m) => m.keyId) ?? [];
    expect(keyIds).toHaveLength(2);
    const refused = rig.sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 403 },
    });
    const done = await rig.call('hygiene:revoke', {
      jobId: 'job-refused-1',
      targets: [{ serverId: rig.serverId, keyIds: [...keyIds, 'token-zzzzz'] }],
    });
    refused.remove();
    expect(done.results.map((r) => [r.keyId, r.outcome, r.code])).toEqual([
      ['token-zzzzz', 'failed', 'not_found'],
      [keyIds[0], 'failed', 'forbidden'],
      [keyIds[1], 'failed', 'forbidden'],
    ]);
    const { entries } = await rig.call('activity:list', { action: 'revoke' });
    for (const keyId of keyIds) {
      expect(entries.find((e) => e.keyId === keyId)).toMatchObject({
        outcome: 'failed',
        errorCode: 'forbidden',
      });
    }
    // The pending one (server unreachable) says why it is not revoked yet.
    const pending = entries.find((e) => e.outcome === 'pending');
    expect(pending?.errorCode).toBe('server_error');
  });

  it('stops between batches when the job is cancelled and reports the rest cancelled', async () => {
    const preview = await rig.call('hygiene:preview', { groups: ['kubeconfig'] });
    const keyIds = preview.servers[0]?.members.map((m) => m.keyId) ?? [];
    expect(keyIds.length).toBeGreaterThan(0);
    // Slow deletes so the cancel arrives while the first batch is under way.
    const slow = rig.sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'latency', ms: 50 },
    });
    const running = rig.call('hygiene:revoke', {
      jobId: 'job-cancel-1',
      targets: [{ serverId: rig.serverId, keyIds }],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await rig.call('hygiene:cancel', { jobId: 'job-cancel-1' })).toEqual({
      cancelled: true,
    });
    const done = await running;
    slow.remove();
    expect(done.cancelled).toBe(true);
    const attempted = done.results.filter((r) => r.outcome !== 'cancelled').length;
    expect(attempted).toBeLessThan(keyIds.length);
    expect(attempted + done.results.filter((r) => r.outcome === 'cancelled').length).toBe(
      keyIds.length,
    );
    expect(await rig.call('hygiene:cancel', { jobId: 'job-cancel-1' })).toEqual({
      cancelled: false,
    });
  });
});
