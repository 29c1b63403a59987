import { afterEach, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { addBusyUserTokens, createManualClock, startRancherSim } from './index';
import { call } from './test-client';

const T0 = Date.UTC(2025, 4, 21, 7, 5, 0);

interface TokenBody {
  name: string;
  description: string;
  isDerived: boolean;
  clusterId: string | null;
  expired: boolean;
  labels: Record<string, string>;
}

const sims: RancherSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function demo(version: '2.8' | '2.13') {
  const s = await startRancherSim({ version, seed: 'demo', clock: createManualClock(T0) });
  sims.push(s);
  return s;
}

describe('rancher-sim kubeconfig tokens', () => {
  it('lists the demo world kubeconfig tokens with their real shape on every release', async () => {
    for (const version of ['2.8', '2.13'] as const) {
      const s = await demo(version);
      const { data } = (await call(s, 'GET', '/v3/tokens', { bearer: s.admin.token })).json<{
        data: TokenBody[];
      }>();
      const kube = data.filter((t) => t.labels['authn.management.cattle.io/kind'] === 'kubeconfig');
      expect(kube).toHaveLength(4);
      for (const t of kube) {
        expect(t.name).toMatch(
          new RegExp(`^kubeconfig-${s.admin.id}(\\.c-m-[a-z0-9]{8})?[a-z0-9]{5}$`),
        );
        expect(t.description).toBe('Kubeconfig token');
        expect(t.isDerived).toBe(true);
        expect(t.labels['cattle.io/creator']).toBe('norman');
        expect(t.labels['authn.management.cattle.io/token-userId']).toBe(s.admin.id);
      }
      const scoped = kube.filter((t) => t.clusterId !== null);
      expect(scoped.map((t) => t.clusterId).sort()).toEqual(['c-m-4x7kq2lb', 'c-m-9dltd2qx']);
      for (const t of scoped)
        expect(t.name.startsWith(`kubeconfig-${s.admin.id}.${t.clusterId}`)).toBe(true);
      // One scoped to a cluster the server no longer has, one expired.
      expect(s.state.clusters.has('c-m-9dltd2qx')).toBe(false);
      expect(kube.filter((t) => t.expired)).toHaveLength(1);
    }
  });

  it('builds a user with 20,000 tokens of mixed kinds and ages, the same mix on every run', async () => {
    const s = await startRancherSim({ version: '2.13', clock: createManualClock(T0) });
    sims.push(s);
    s.state.addCluster({ id: 'c-m-4x7kq2lb', name: 'prod-eu' });
    const counts = addBusyUserTokens(s.state, {
      user: s.admin.id,
      clusterIds: ['c-m-4x7kq2lb', 'c-m-gonegone'],
    });
    const total = counts.kubeconfig + counts.apikey + counts.session + counts.ext;
    expect(total).toBe(20_000);
    expect(counts.kubeconfig / total).toBeGreaterThan(0.6);
    expect(counts.scopedKubeconfig).toBeGreaterThan(0);
    expect(counts.ext).toBeGreaterThan(0);
    expect(counts.expired).toBeGreaterThan(0);
    expect(counts.neverUsed).toBeGreaterThan(0);
    expect(counts.disabledExt).toBeGreaterThan(0);
    // The admin's own sign-in token plus the 20,000.
    expect(s.state.tokensOfUser(s.admin.id).length + s.state.extTokens.size).toBe(20_001);
    const again = await startRancherSim({ version: '2.13', clock: createManualClock(T0) });
    sims.push(again);
    again.state.addCluster({ id: 'c-m-4x7kq2lb', name: 'prod-eu' });
    expect(
      addBusyUserTokens(again.state, {
        user: again.admin.id,
        clusterIds: ['c-m-4x7kq2lb', 'c-m-gonegone'],
      }),
    ).toEqual(counts);
  });
});
