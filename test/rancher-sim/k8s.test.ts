import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { createManualClock, startRancherSim } from './index';
import { call } from './test-client';

describe('rancher-sim Kubernetes API behind /k8s/clusters/<id>', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ clock: createManualClock(Date.UTC(2026, 0, 10, 9, 0, 0)) });
    sim.state.addCluster({ id: 'c-m-prod1234', name: 'prod' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('serves version, discovery and namespaces when the key is unscoped', async () => {
    const bearer = sim.admin.token;
    const version = await call(sim, 'GET', '/k8s/clusters/local/version', { bearer });
    expect(version.json<{ gitVersion: string }>().gitVersion).toMatch(/^v1\./);
    expect((await call(sim, 'GET', '/k8s/clusters/local/api', { bearer })).json()).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const resources = await call(sim, 'GET', '/k8s/clusters/local/api/v1', { bearer });
    expect(
      resources.json<{ resources: Array<{ name: string }> }>().resources.map((r) => r.name),
    ).toContain('namespaces');
    const list = await call(sim, 'GET', '/k8s/clusters/c-m-prod1234/api/v1/namespaces', { bearer });
    const names = list
      .json<{ items: Array<{ metadata: { name: string } }> }>()
      .items.map((n) => n.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['default', 'kube-system']));
  });

  it('answers a Table when kubectl asks for server-side printing', async () => {
    const res = await call(sim, 'GET', '/k8s/clusters/local/api/v1/namespaces?limit=500', {
      bearer: sim.admin.token,
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = res.json<{ kind: string; rows: Array<{ cells: string[] }> }>();
    expect(table.kind).toBe('Table');
    expect(table.rows.map((r) => r.cells[0])).toContain('default');
  });

  it('refuses a cluster-scoped key outside its own cluster (401) and serves it inside', async () => {
    const scoped = sim.state.addToken({ user: sim.admin.id, clusterId: 'c-m-prod1234' });
    expect(
      (
        await call(sim, 'GET', '/k8s/clusters/c-m-prod1234/api/v1/namespaces', {
          bearer: scoped.bearer,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(sim, 'GET', '/k8s/clusters/local/api/v1/namespaces', { bearer: scoped.bearer }))
        .status,
    ).toBe(401);
  });

  it('answers 401 when the key is expired, disabled or deleted', async () => {
    const expiring = sim.state.addToken({ user: sim.admin.id, ttlMs: 60_000 });
    const disabled = sim.state.addToken({ user: sim.admin.id, enabled: false });
    const deleted = sim.state.addToken({ user: sim.admin.id });
    sim.state.tokens.delete(deleted.name);
    const path = '/k8s/clusters/local/api/v1/namespaces';
    expect((await call(sim, 'GET', path, { bearer: expiring.bearer })).status).toBe(200);
    sim.clock.advance(61_000);
    for (const bearer of [expiring.bearer, disabled.bearer, deleted.bearer]) {
      expect((await call(sim, 'GET', path, { bearer })).status).toBe(401);
    }
  });

  it('answers 404 for a cluster that does not exist', async () => {
    const res = await call(sim, 'GET', '/k8s/clusters/c-m-missing0/version', {
      bearer: sim.admin.token,
    });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });
});
