import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { startRancherSim } from './index';
import { call } from './test-client';

describe('rancher-sim management routes', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ version: '2.13', seed: 'demo' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers pong on /ping and the version on /rancherversion without auth (§1.1, §10.16)', async () => {
    expect((await call(sim, 'GET', '/ping')).text).toBe('pong');
    const v = await call(sim, 'GET', '/rancherversion');
    expect(v.json()).toMatchObject({ Version: 'v2.13.1', RancherPrime: 'false' });
  });

  it('adds the common and Norman headers when answering /v3 (§1.2)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', { bearer: sim.admin.token });
    expect(res.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-api-schemas']).toBe(`${sim.url}/v3/schemas`);
    expect(res.headers.expires).toBe('Wed 24 Feb 1982 18:42:00 GMT');
    expect(res.text.endsWith('\n')).toBe(true);
  });

  it('returns only the caller with me:true when /v3/users?me=true is asked (§5.3)', async () => {
    const dev = sim.seeded.devKey?.bearer ?? '';
    const res = (await call(sim, 'GET', '/v3/users?me=true', { bearer: dev })).json<{
      data: { username: string; me: boolean; principalIds: string[] }[];
    }>();
    expect(res.data).toHaveLength(1);
    expect(res.data[0]).toMatchObject({ username: 'dev', me: true });
    const all = (await call(sim, 'GET', '/v3/users', { bearer: sim.admin.token })).json<{
      data: unknown[];
    }>();
    expect(all.data.length).toBe(3);
  });

  it('lists three clusters for the admin and only member clusters for a user (§5.2)', async () => {
    const admin = (await call(sim, 'GET', '/v3/clusters', { bearer: sim.admin.token })).json<{
      data: { id: string; internal: boolean }[];
      pagination: { total: number };
    }>();
    expect(admin.pagination.total).toBe(3);
    expect(admin.data.find((c) => c.id === 'local')?.internal).toBe(true);
    const dev = (
      await call(sim, 'GET', '/v3/clusters', { bearer: sim.seeded.devKey?.bearer })
    ).json<{
      data: { id: string }[];
    }>();
    expect(dev.data.map((c) => c.id)).not.toContain('local');
  });

  it('serves auth-token-max-ttl-minutes with value "" and default 129600 (§5.4)', async () => {
    const res = await call(sim, 'GET', '/v3/settings/auth-token-max-ttl-minutes', {
      bearer: sim.seeded.devKey?.bearer,
    });
    expect(res.json()).toMatchObject({
      id: 'auth-token-max-ttl-minutes',
      value: '',
      default: '129600',
      type: 'setting',
    });
    expect((await call(sim, 'GET', '/v3/settings/auth-token-max-ttl-minutes')).status).toBe(401);
  });

  it('answers 404 as Rancher does when routes are unknown', async () => {
    expect((await call(sim, 'GET', '/nope')).status).toBe(404);
    const norman = await call(sim, 'GET', '/v3/widgets', { bearer: sim.admin.token });
    expect(norman.status).toBe(404);
    expect(norman.json()).toMatchObject({ type: 'error', code: 'NotFound' });
    const steve = await call(sim, 'GET', '/v1/widgets', { bearer: sim.admin.token });
    expect(steve.json()).toMatchObject({ type: 'error', code: 'NotFound', status: 404 });
  });

  it('seeds active, near-expiry and expired tokens when the demo seed is used', async () => {
    const list = (await call(sim, 'GET', '/v3/tokens', { bearer: sim.admin.token })).json<{
      data: { id: string; expired: boolean; expiresAt: string }[];
    }>();
    const byId = new Map(list.data.map((t) => [t.id, t]));
    expect(byId.get(sim.seeded.expired?.name ?? '')?.expired).toBe(true);
    const near =
      Date.parse(byId.get(sim.seeded.expiresIn20h?.name ?? '')?.expiresAt ?? '') - Date.now();
    expect(near).toBeGreaterThan(19 * 3_600_000);
    expect(near).toBeLessThan(21 * 3_600_000);
  });

  it('loads a JSON fixture when a fixture seed is given', async () => {
    const s = await startRancherSim({
      seed: {
        users: [{ username: 'fx', password: 'fx-password-1' }],
        clusters: [{ id: 'c-abcde', name: 'fx-cluster', members: ['fx'] }],
        tokens: [{ user: 'fx', description: 'fixture key', ttlMs: 3_600_000, name: 'token-fxfxf' }],
        settings: { 'auth-token-max-ttl-minutes': '60' },
      },
    });
    try {
      const bearer = s.seeded['token-fxfxf']?.bearer ?? '';
      const res = (await call(s, 'GET', '/v3/clusters', { bearer })).json<{
        data: { id: string }[];
      }>();
      expect(res.data.map((c) => c.id)).toEqual(['c-abcde']);
      expect(s.state.getSetting('auth-token-max-ttl-minutes')).toBe('60');
    } finally {
      await s.close();
    }
  });
});
