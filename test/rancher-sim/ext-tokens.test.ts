import { afterEach, describe, expect, it } from 'vitest';
import type { RancherSim, RancherVersion } from './index';
import { createManualClock, startRancherSim } from './index';
import { call } from './test-client';

const T0 = Date.UTC(2025, 4, 21, 7, 5, 0);
const HOUR = 3_600_000;
const KUBE = '/apis/ext.cattle.io/v1/tokens';
const STEVE = '/v1/ext.cattle.io.tokens';

interface ExtObj {
  metadata: {
    name: string;
    generateName?: string;
    creationTimestamp: string;
    labels: Record<string, string>;
  };
  spec: { userID: string; ttl: number; description?: string; enabled: boolean };
  status: {
    value?: string;
    bearerToken?: string;
    current: boolean;
    expiresAt: string;
    expired: boolean;
  };
}

const sims: RancherSim[] = [];
async function sim(version: RancherVersion = '2.13'): Promise<RancherSim> {
  const s = await startRancherSim({ version, clock: createManualClock(T0) });
  sims.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe('rancher-sim ext tokens', () => {
  // §10.3, §10.4
  it('returns value and ext/ bearer only in the create response (§10.3, §10.4)', async () => {
    const s = await sim();
    const res = await call(s, 'POST', KUBE, {
      bearer: s.admin.token,
      body: {
        apiVersion: 'ext.cattle.io/v1',
        kind: 'Token',
        spec: { description: 'ci', ttl: 2 * HOUR },
      },
    });
    expect(res.status).toBe(201);
    const created = res.json<ExtObj>();
    expect(created.metadata.name).toMatch(/^token-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.status.value).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{54}$/);
    expect(created.status.bearerToken).toBe(`ext/${created.metadata.name}:${created.status.value}`);
    // Status times in the server's local offset, metadata in UTC, as real servers write them.
    expect(created.status.expiresAt).toBe('2025-05-21T04:05:00-05:00');
    expect(Date.parse(created.status.expiresAt)).toBe(T0 + 2 * HOUR);
    expect(created.metadata.creationTimestamp).toBe('2025-05-21T07:05:00Z');
    expect(created.metadata.generateName).toBe('token-');
    const got = (
      await call(s, 'GET', `${KUBE}/${created.metadata.name}`, { bearer: s.admin.token })
    ).json<ExtObj>();
    expect(got.status.value).toBeUndefined();
    expect(got.status.bearerToken).toBeUndefined();
    // The ext bearer authenticates, and status.current marks it (§10.9).
    const bearer = created.status.bearerToken ?? '';
    const mine = (
      await call(s, 'GET', `${KUBE}/${created.metadata.name}`, { bearer })
    ).json<ExtObj>();
    expect(mine.status.current).toBe(true);
  });

  it('omits bearerToken when emulating 2.12 (§0)', async () => {
    const s = await sim('2.12');
    const created = (
      await call(s, 'POST', KUBE, { bearer: s.admin.token, body: { spec: {} } })
    ).json<ExtObj>();
    expect(created.status.value).toBeDefined();
    expect(created.status.bearerToken).toBeUndefined();
  });

  it('serves the same store through Steve with a collection envelope (§7)', async () => {
    const s = await sim();
    const created = await call(s, 'POST', STEVE, {
      bearer: s.admin.token,
      body: {
        type: 'ext.cattle.io.token',
        metadata: {},
        spec: { description: 'steve', ttl: HOUR },
      },
    });
    expect(created.status).toBe(201);
    const list = (await call(s, 'GET', STEVE, { bearer: s.admin.token })).json<{
      type: string;
      resourceType: string;
      data: { id: string; type: string; links: Record<string, string> }[];
    }>();
    expect(list.type).toBe('collection');
    expect(list.resourceType).toBe('ext.cattle.io.token');
    expect(list.data).toHaveLength(1);
    expect(list.data[0]?.type).toBe('ext.cattle.io.token');
    expect(list.data[0]?.links.view).toBe(`${s.url}${KUBE}/${list.data[0]?.id}`);
  });

  // §10.14
  it('keeps v3 and ext lists disjoint (§10.14)', async () => {
    const s = await sim();
    const ext = s.state.addExtToken({ user: s.admin.id, ttlMs: HOUR });
    const v3 = (await call(s, 'GET', '/v3/tokens', { bearer: s.admin.token })).json<{
      data: { id: string }[];
    }>();
    expect(v3.data.map((t) => t.id)).not.toContain(ext.name);
    const list = (await call(s, 'GET', KUBE, { bearer: s.admin.token })).json<{
      items: ExtObj[];
    }>();
    expect(list.items.map((t) => t.metadata.name)).toEqual([ext.name]);
  });

  it("lists every user's ext tokens for admins and only their own for others (§10.14)", async () => {
    const s = await sim();
    const dev = s.state.addUser({ username: 'dev', password: 'dev-password-1' });
    const devKey = s.state.addToken({ user: dev.id });
    s.state.addExtToken({ user: s.admin.id });
    const devExt = s.state.addExtToken({ user: dev.id });
    const byAdmin = (await call(s, 'GET', KUBE, { bearer: s.admin.token })).json<{
      items: ExtObj[];
    }>();
    expect(byAdmin.items).toHaveLength(2);
    const mineOnly = await call(s, 'GET', `${KUBE}?labelSelector=cattle.io/user-id=${s.admin.id}`, {
      bearer: s.admin.token,
    });
    expect(mineOnly.json<{ items: ExtObj[] }>().items).toHaveLength(1);
    const byDev = (await call(s, 'GET', KUBE, { bearer: devKey.bearer })).json<{
      items: ExtObj[];
    }>();
    expect(byDev.items.map((t) => t.metadata.name)).toEqual([devExt.name]);
  });

  it('refuses ext callers on /v3/tokens on 2.12–2.14 and accepts them on 2.15 (§10.14)', async () => {
    for (const [version, status] of [
      ['2.12', 401],
      ['2.14', 401],
      ['2.15', 200],
    ] as const) {
      const s = await sim(version);
      const ext = s.state.addExtToken({ user: s.admin.id });
      const res = await call(s, 'GET', '/v3/tokens', { bearer: ext.bearer });
      expect(res.status, version).toBe(status);
      if (status === 401) {
        expect(res.json()).toMatchObject({ code: 'Unauthorized', baseType: 'error', status: 401 });
      }
      // Ext credentials authenticate elsewhere on every 2.12+ release (§6.4).
      expect((await call(s, 'GET', '/v3/users?me=true', { bearer: ext.bearer })).status).toBe(200);
    }
  });

  it("answers 404 for other users' tokens when the caller is not an admin (§6.3)", async () => {
    const s = await sim();
    const dev = s.state.addUser({ username: 'dev', password: 'dev-password-1' });
    const devKey = s.state.addToken({ user: dev.id });
    const adminExt = s.state.addExtToken({ user: s.admin.id });
    const res = await call(s, 'GET', `${KUBE}/${adminExt.name}`, { bearer: devKey.bearer });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('updates only description, enabled and ttl and refuses immutable fields (§6.3)', async () => {
    const s = await sim();
    const ext = s.state.addExtToken({ user: s.admin.id, ttlMs: 10 * HOUR, description: 'old' });
    const ok = await call(s, 'PATCH', `${KUBE}/${ext.name}`, {
      bearer: s.admin.token,
      body: { spec: { description: 'new', enabled: false, ttl: HOUR } },
    });
    expect(ok.status).toBe(200);
    expect(ok.json<ExtObj>().spec).toMatchObject({ description: 'new', enabled: false, ttl: HOUR });
    const bad = await call(s, 'PATCH', `${KUBE}/${ext.name}`, {
      bearer: s.admin.token,
      body: { spec: { userID: 'u-other' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ message: string }>().message).toBe('spec.userID is immutable');
  });

  it('forbids non-admins to extend ttl but lets them shorten it (§6.3)', async () => {
    const s = await sim();
    const dev = s.state.addUser({ username: 'dev', password: 'dev-password-1' });
    const devKey = s.state.addToken({ user: dev.id });
    const ext = s.state.addExtToken({ user: dev.id, ttlMs: 10 * HOUR });
    const longer = await call(s, 'PUT', `${KUBE}/${ext.name}`, {
      bearer: devKey.bearer,
      body: { spec: { ttl: 20 * HOUR } },
    });
    expect(longer.status).toBe(400);
    expect(longer.json<{ message: string }>().message).toBe('forbidden to extend time-to-live');
    const shorter = await call(s, 'PUT', `${KUBE}/${ext.name}`, {
      bearer: devKey.bearer,
      body: { spec: { ttl: 5 * HOUR } },
    });
    expect(shorter.status).toBe(200);
    const byAdmin = await call(s, 'PUT', `${KUBE}/${ext.name}`, {
      bearer: s.admin.token,
      body: { spec: { ttl: 20 * HOUR } },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('answers 200 with the deleted object and then 404 when a token is deleted (§6.3)', async () => {
    const s = await sim();
    const ext = s.state.addExtToken({ user: s.admin.id });
    const del = await call(s, 'DELETE', `${KUBE}/${ext.name}`, { bearer: s.admin.token });
    expect(del.status).toBe(200);
    expect(del.json<ExtObj>().metadata.name).toBe(ext.name);
    expect((await call(s, 'DELETE', `${KUBE}/${ext.name}`, { bearer: s.admin.token })).status).toBe(
      404,
    );
  });

  it('clamps ttl 0 to the maximum and keeps it never-expiring without a maximum (§6.2)', async () => {
    const s = await sim();
    const a = (
      await call(s, 'POST', KUBE, { bearer: s.admin.token, body: { spec: { ttl: 0 } } })
    ).json<ExtObj>();
    expect(a.spec.ttl).toBe(129_600 * 60_000);
    s.state.setSetting('auth-token-max-ttl-minutes', '0');
    const b = (
      await call(s, 'POST', KUBE, { bearer: s.admin.token, body: { spec: { ttl: 0 } } })
    ).json<ExtObj>();
    expect(b.spec.ttl).toBe(-1);
    expect(b.status.expiresAt).toBe('');
  });

  it('answers 404 on the ext API when emulating 2.8 (§0)', async () => {
    const s = await sim('2.8');
    expect((await call(s, 'GET', KUBE, { bearer: s.admin.token })).status).toBe(404);
  });
});
