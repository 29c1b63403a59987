import { afterEach, describe, expect, it } from 'vitest';
import type { RancherSim, RancherVersion } from './index';
import { createManualClock, startRancherSim } from './index';
import { call } from './test-client';

const T0 = Date.UTC(2025, 5, 1, 10, 15, 7);
const sims: RancherSim[] = [];
async function sim(version: RancherVersion): Promise<RancherSim> {
  const s = await startRancherSim({ version, clock: createManualClock(T0) });
  sims.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

const V3_LOGIN = '/v3-public/localProviders/local?action=login';

describe('rancher-sim login', () => {
  // §10.12
  it('answers the minimal 201 body on both login URLs when emulating 2.13+ (§10.12)', async () => {
    const s = await sim('2.13');
    for (const path of ['/v1-public/login', V3_LOGIN]) {
      const res = await call(s, 'POST', path, {
        body: { type: 'localProvider', username: 'admin', password: s.admin.password, ttl: 1000 },
      });
      expect(res.status, path).toBe(201);
      const body = res.json<Record<string, string>>();
      expect(Object.keys(body).sort()).toEqual(['baseType', 'expiresAt', 'id', 'token', 'type']);
      // ttl input ignored: session TTL 960 min.
      expect(body.expiresAt).toBe('2025-06-02T02:15:07Z');
      expect(body.token?.startsWith(`${body.id}:`)).toBe(true);
    }
  });

  it('answers the full token resource with expiresAt "" when emulating 2.12 (§3.2, §10.12)', async () => {
    const s = await sim('2.12');
    const res = await call(s, 'POST', V3_LOGIN, {
      body: { username: 'admin', password: s.admin.password, description: 'my app' },
    });
    expect(res.status).toBe(201);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      type: 'token',
      expiresAt: '',
      isDerived: false,
      ttl: 57_600_000,
      description: 'my app',
      userId: s.admin.id,
      labels: { 'authn.management.cattle.io/kind': 'session' },
    });
    expect((body.links as Record<string, string>).self).toBe(
      `${s.url}/v3-public/tokens/${String(body.id)}`,
    );
  });

  it('creates a session token that is current and non-derived when it logs in (§10.12)', async () => {
    const s = await sim('2.13');
    const token = (
      await call(s, 'POST', '/v1-public/login', {
        body: { type: 'localProvider', username: 'admin', password: s.admin.password },
      })
    ).json<{ token: string; id: string }>();
    const list = (await call(s, 'GET', '/v3/tokens', { bearer: token.token })).json<{
      data: { id: string; current: boolean; isDerived: boolean; labels: Record<string, string> }[];
    }>();
    const mine = list.data.find((t) => t.id === token.id);
    expect(mine).toMatchObject({ current: true, isDerived: false });
    expect(mine?.labels['authn.management.cattle.io/kind']).toBe('session');
  });

  it('sets R_SESS and answers 200 with no body when responseType is cookie (§10.12)', async () => {
    const s = await sim('2.13');
    const res = await call(s, 'POST', '/v1-public/login', {
      body: {
        type: 'localProvider',
        username: 'admin',
        password: s.admin.password,
        responseType: 'cookie',
      },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(
      /^R_SESS=token-[a-z0-9]{5}:[a-z0-9]{54}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const value = cookie.split(';')[0]?.slice('R_SESS='.length) ?? '';
    expect(
      (await call(s, 'GET', '/v3/tokens', { headers: { Cookie: `R_SESS=${value}` } })).status,
    ).toBe(200);
  });

  it('omits SameSite on the session cookie when emulating 2.12 (§2.4)', async () => {
    const s = await sim('2.12');
    const res = await call(s, 'POST', V3_LOGIN, {
      body: { username: 'admin', password: s.admin.password, responseType: 'cookie' },
    });
    expect(res.headers['set-cookie']?.[0]).not.toContain('SameSite');
  });

  it('answers 401 "authentication failed" when the password or user is wrong (§10.12)', async () => {
    const s = await sim('2.13');
    for (const username of ['admin', 'nobody']) {
      const res = await call(s, 'POST', '/v1-public/login', {
        body: { type: 'localProvider', username, password: 'wrong' },
      });
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({
        code: 'Unauthorized',
        status: 401,
        message: 'authentication failed',
        type: 'error',
        baseType: 'error',
      });
    }
  });

  it('answers 422 InvalidBodyContent when the provider type is unknown on /v1-public/login (§3.2)', async () => {
    const s = await sim('2.13');
    const res = await call(s, 'POST', '/v1-public/login', {
      body: { username: 'admin', password: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ code: 'InvalidBodyContent' });
  });

  it('creates a kubeconfig token when responseType is kubeconfig_<cluster> (§3.2)', async () => {
    const s = await sim('2.13');
    const res = await call(s, 'POST', '/v1-public/login', {
      body: {
        type: 'localProvider',
        username: 'admin',
        password: s.admin.password,
        responseType: 'kubeconfig_local',
      },
    });
    expect(res.status).toBe(201);
    const id = res.json<{ id: string }>().id;
    expect(id).toMatch(new RegExp(`^kubeconfig-${s.admin.id}\\.local[a-z0-9]{5}$`));
    const token = s.state.tokens.get(id);
    expect(token).toMatchObject({
      isDerived: true,
      description: 'Kubeconfig token',
      clusterId: 'local',
    });
  });

  it('logs an LDAP user in through the openldap provider when it takes username and password (§3.1)', async () => {
    const s = await sim('2.13');
    s.state.addUser({ username: 'alice', password: 'alice-ldap-pw', provider: 'openldap' });
    const v1 = await call(s, 'POST', '/v1-public/login', {
      body: { type: 'openLdapProvider', username: 'alice', password: 'alice-ldap-pw' },
    });
    expect(v1.status).toBe(201);
    const v3 = await call(s, 'POST', '/v3-public/openLdapProviders/openldap?action=login', {
      body: { username: 'alice', password: 'alice-ldap-pw' },
    });
    expect(v3.status).toBe(201);
    // A local user of the same name does not log in through LDAP.
    const wrong = await call(s, 'POST', '/v1-public/login', {
      body: { type: 'openLdapProvider', username: 'admin', password: s.admin.password },
    });
    expect(wrong.status).toBe(401);
  });

  it('lists local and openldap on both provider endpoints (§3.1)', async () => {
    const s = await sim('2.13');
    const v1 = (await call(s, 'GET', '/v1-public/authproviders')).json<{
      data: { id: string; type: string }[];
    }>();
    expect(v1.data.map((p) => p.type)).toEqual(['localProvider', 'openLdapProvider']);
    const v3 = await call(s, 'GET', '/v3-public/authproviders');
    const body = v3.json<{ data: { id: string; actions: { login: string } }[] }>();
    expect(body.data[0]?.actions.login).toBe(
      `${s.url}/v3-public/localProviders/local?action=login`,
    );
    expect(v3.headers['x-api-schemas']).toBe(`${s.url}/v3-public/schemas`);
  });

  // §10.16
  it('answers 404 on /v1-public when emulating 2.12 so that clients fall back (§10.16)', async () => {
    const s = await sim('2.12');
    expect((await call(s, 'GET', '/v1-public/authproviders')).status).toBe(404);
    expect((await call(s, 'POST', '/v1-public/login', { body: {} })).status).toBe(404);
  });

  // §10.13
  it('deletes the calling API key when it logs out through the v3 action (§10.13)', async () => {
    const s = await sim('2.8');
    const key = s.state.addToken({ user: s.admin.id });
    const res = await call(s, 'POST', '/v3/tokens?action=logout', { bearer: key.bearer });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['set-cookie']?.some((c) => c.startsWith('R_SESS=;'))).toBe(true);
    expect(s.state.tokens.has(key.name)).toBe(false);
    expect((await call(s, 'GET', '/v3/tokens', { bearer: key.bearer })).status).toBe(401);
  });

  it('deletes the calling session when it posts /v1/logout on 2.13+ (§10.13)', async () => {
    const s = await sim('2.13');
    const session = s.state.addToken({ user: s.admin.id, kind: 'session', ttlMs: 3_600_000 });
    const res = await call(s, 'POST', '/v1/logout', { bearer: session.bearer });
    expect(res.status).toBe(200);
    expect(s.state.tokens.has(session.name)).toBe(false);
  });

  it('answers 401 on logout when the credential is bad (§3.4)', async () => {
    const s = await sim('2.13');
    expect((await call(s, 'POST', '/v1/logout', { bearer: 'token-xxxxx:nope' })).status).toBe(401);
  });
});
