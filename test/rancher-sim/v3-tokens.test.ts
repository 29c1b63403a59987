import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { SECRET_LENGTH, TOKEN_ALPHABET, createManualClock, startRancherSim } from './index';
import { call } from './test-client';

const T0 = Date.UTC(2025, 4, 21, 7, 5, 0);
const DAY = 86_400_000;
const MAX = 129_600 * 60_000;
const NAME_RE = new RegExp(`^token-[${TOKEN_ALPHABET}]{5}$`);
const SECRET_RE = new RegExp(`^[${TOKEN_ALPHABET}]{${SECRET_LENGTH}}$`);

interface TokenBody {
  id: string;
  name: string;
  token?: string;
  ttl: number;
  expiresAt: string;
  expired: boolean;
  current: boolean;
  isDerived: boolean;
  clusterId: string | null;
  userPrincipal: string;
  createdTS: number;
  links: Record<string, string>;
  labels: Record<string, string>;
}
interface Collection {
  data: TokenBody[];
  pagination: Record<string, number>;
  links: { self: string };
}

describe('rancher-sim v3 tokens', () => {
  let sim: RancherSim;
  beforeEach(async () => {
    sim = await startRancherSim({ clock: createManualClock(T0) });
  });
  afterEach(async () => {
    await sim.close();
  });

  const create = (body: unknown, bearer = sim.admin.token) =>
    call(sim, 'POST', '/v3/tokens', { bearer, body });

  // §10.3
  it('generates token-xxxxx names and 54-character secrets from the k8s alphabet (§10.3)', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await create({ type: 'token', description: `k${i}` });
      expect(res.status).toBe(201);
      const body = res.json<TokenBody>();
      expect(body.name).toMatch(NAME_RE);
      const [name, secret] = (body.token ?? '').split(':');
      expect(name).toBe(body.name);
      expect(secret).toMatch(SECRET_RE);
    }
  });

  // §10.4
  it('returns the secret only in the create response when the token is later read (§10.4)', async () => {
    const created = (await create({ description: 'once' })).json<TokenBody>();
    expect(created.token).toBeDefined();
    const one = await call(sim, 'GET', `/v3/tokens/${created.id}`, { bearer: sim.admin.token });
    expect(one.json<TokenBody>().token).toBeUndefined();
    const list = (
      await call(sim, 'GET', '/v3/tokens', { bearer: sim.admin.token })
    ).json<Collection>();
    expect(list.data.every((t) => t.token === undefined)).toBe(true);
    expect(list.data.length).toBeGreaterThan(0);
  });

  // §10.5
  it('answers expiresAt "" on create and the computed value on a later GET (§10.5)', async () => {
    const created = (await create({ description: 'x', ttl: 7_200_000 })).json<TokenBody>();
    expect(created.expiresAt).toBe('');
    expect(created.ttl).toBe(7_200_000);
    const later = await call(sim, 'GET', `/v3/tokens/${created.id}`, { bearer: sim.admin.token });
    expect(later.json<TokenBody>().expiresAt).toBe('2025-05-21T09:05:00Z');
  });

  it('clamps ttl silently to auth-token-max-ttl-minutes when it is larger (§10.5, §4.8)', async () => {
    const res = await create({ ttl: 400 * DAY });
    expect(res.status).toBe(201);
    expect(res.json<TokenBody>().ttl).toBe(MAX);
  });

  it('turns ttl 0 into the maximum when a maximum is set (§10.5 released rule)', async () => {
    expect((await create({ ttl: 0 })).json<TokenBody>().ttl).toBe(MAX);
  });

  it('keeps ttl 0 as never-expiring when the maximum is 0 (§10.5)', async () => {
    sim.state.setSetting('auth-token-max-ttl-minutes', '0');
    const created = (await create({ ttl: 0 })).json<TokenBody>();
    expect(created.ttl).toBe(0);
    const got = await call(sim, 'GET', `/v3/tokens/${created.id}`, { bearer: sim.admin.token });
    expect(got.json<TokenBody>().expiresAt).toBe('');
  });

  it('turns ttl 0 into the default when the head rule is selected (§4.8 HEAD)', async () => {
    const head = await startRancherSim({ ttlRule: 'head', clock: createManualClock(T0) });
    try {
      head.state.setSetting('auth-token-default-ttl-minutes', '60');
      const res = await call(head, 'POST', '/v3/tokens', {
        bearer: head.admin.token,
        body: { ttl: 0 },
      });
      expect(res.json<TokenBody>().ttl).toBe(3_600_000);
    } finally {
      await head.close();
    }
  });

  it('rejects ttl given as a string with 422 InvalidFormat (bad input)', async () => {
    const res = await create({ ttl: '3600000' });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({
      baseType: 'error',
      code: 'InvalidFormat',
      status: 422,
      type: 'error',
    });
    expect(res.json<{ message: string }>().message).toContain('cannot unmarshal string');
  });

  it('rejects malformed JSON with 422 InvalidFormat (bad input)', async () => {
    const res = await create('{"ttl": ');
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ code: 'InvalidFormat' });
  });

  it('rejects a body over the 1 MiB cap when creating a token (§1.5)', async () => {
    const res = await create({ description: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(422);
    expect(res.json<{ message: string }>().message).toBe('http: request body too large');
  });

  // §10.6
  it('answers 404 "no store found" when a token is PUT (§10.6)', async () => {
    const created = (await create({})).json<TokenBody>();
    expect(created.links.update).toContain(`/v3/tokens/${created.id}`);
    const res = await call(sim, 'PUT', `/v3/tokens/${created.id}`, {
      bearer: sim.admin.token,
      body: { description: 'new' },
    });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({
      baseType: 'error',
      code: 'NotFound',
      message: 'no store found',
      status: 404,
      type: 'error',
    });
  });

  // §10.7
  it('deletes with 204 and an empty body, then the token is gone (§10.7)', async () => {
    const created = (await create({})).json<TokenBody>();
    const res = await call(sim, 'DELETE', `/v3/tokens/${created.id}`, { bearer: sim.admin.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const again = await call(sim, 'GET', `/v3/tokens/${created.id}`, { bearer: sim.admin.token });
    expect(again.status).toBe(404);
    expect(again.json<{ message: string }>().message).toBe(
      `tokens.management.cattle.io "${created.id}" not found`,
    );
  });

  it("answers 404 when deleting or reading another user's token (§10.7, §4.3)", async () => {
    const other = sim.state.addUser({ username: 'bob', password: 'bob-password-1' });
    const theirs = sim.state.addToken({ user: other.id });
    for (const method of ['GET', 'DELETE']) {
      const res = await call(sim, method, `/v3/tokens/${theirs.name}`, { bearer: sim.admin.token });
      expect(res.status).toBe(404);
      expect(res.json<{ message: string }>().message).toBe(`${theirs.name} not found`);
    }
    expect(sim.state.tokens.has(theirs.name)).toBe(true);
  });

  it('refuses with 400 ServerError when the current session deletes itself (§10.7)', async () => {
    const session = sim.state.addToken({ user: sim.admin.id, kind: 'session', ttlMs: DAY });
    const res = await call(sim, 'DELETE', `/v3/tokens/${session.name}`, { bearer: session.bearer });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      baseType: 'error',
      code: 'ServerError',
      message: 'Cannot delete token for current session. Use logout instead',
      status: 400,
      type: 'error',
    });
  });

  it('allows deleting the API key in use, after which it gets 401 (§10.7)', async () => {
    const key = sim.state.addToken({ user: sim.admin.id });
    const res = await call(sim, 'DELETE', `/v3/tokens/${key.name}`, { bearer: key.bearer });
    expect(res.status).toBe(204);
    expect((await call(sim, 'GET', '/v3/tokens', { bearer: key.bearer })).status).toBe(401);
  });

  it('answers 405 MethodNotAllow when the collection is deleted (§4.5)', async () => {
    const res = await call(sim, 'DELETE', '/v3/tokens', { bearer: sim.admin.token });
    expect(res.status).toBe(405);
    expect(res.json()).toMatchObject({ code: 'MethodNotAllow' });
  });

  // §10.8
  it("lists only the caller's tokens sorted by name with expired ones flagged (§10.8)", async () => {
    const other = sim.state.addUser({ username: 'carol', password: 'carol-password' });
    sim.state.addToken({ user: other.id });
    const expired = sim.state.addToken({ user: sim.admin.id, ttlMs: DAY, createdMs: T0 - 2 * DAY });
    const scoped = sim.state.addToken({ user: sim.admin.id, clusterId: 'local' });
    const res = await call(sim, 'GET', '/v3/tokens?limit=1&sort=description&name=nothing', {
      bearer: sim.admin.token,
    });
    const body = res.json<Collection & Record<string, unknown>>();
    expect(body.pagination).toEqual({ limit: 1000 });
    expect(body.links.self).toBe(`${sim.url}/v3/tokens`);
    expect(body.resourceType).toBe('token');
    const names = body.data.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(3);
    expect(body.data.find((t) => t.name === expired.name)?.expired).toBe(true);
    expect(body.data.find((t) => t.name === scoped.name)?.clusterId).toBe('local');
    const unscoped = body.data.find((t) => t.name === sim.admin.tokenName);
    expect(unscoped?.clusterId).toBeNull();
    expect(unscoped?.userPrincipal).toBe(
      `map[displayName:Default Admin loginName:admin me:true metadata:map[creationTimestamp:<nil> name:local://${sim.admin.id}] principalType:user provider:local]`,
    );
    expect(unscoped?.createdTS).toBeTypeOf('number');
    expect(Object.keys(unscoped?.links ?? {}).sort()).toEqual(['remove', 'self', 'update']);
    expect(res.text).toContain('\\u003cnil\\u003e');
  });

  // §10.9
  it('marks current only the session token that authenticated the request (§10.9)', async () => {
    const session = sim.state.addToken({ user: sim.admin.id, kind: 'session', ttlMs: DAY });
    const bySession = (
      await call(sim, 'GET', '/v3/tokens', { bearer: session.bearer })
    ).json<Collection>();
    expect(bySession.data.filter((t) => t.current).map((t) => t.name)).toEqual([session.name]);
    const byKey = (
      await call(sim, 'GET', '/v3/tokens', { bearer: sim.admin.token })
    ).json<Collection>();
    expect(byKey.data.some((t) => t.current)).toBe(false);
    const created = (await create({}, session.bearer)).json<TokenBody>();
    expect(created.current).toBe(false);
  });

  // §10.17
  it('lets expired tokens vanish once the hourly purge has run (§10.17)', async () => {
    const expired = sim.state.addToken({ user: sim.admin.id, ttlMs: 1000, createdMs: T0 - DAY });
    const list = async (): Promise<string[]> =>
      (await call(sim, 'GET', '/v3/tokens', { bearer: sim.admin.token }))
        .json<Collection>()
        .data.map((t) => t.name);
    expect(await list()).toContain(expired.name);
    sim.clock.advance(3_600_000);
    expect(await list()).not.toContain(expired.name);
  });

  it('offers purgeExpired() so tests can run the purge at once (§4.9)', () => {
    sim.state.addToken({ user: sim.admin.id, ttlMs: 1000, createdMs: T0 - DAY });
    expect(sim.purgeExpired()).toBe(1);
  });
});
