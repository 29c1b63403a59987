import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { createManualClock, startRancherSim } from './index';
import { basic, call } from './test-client';

const UNAUTHORIZED = {
  type: 'error',
  status: '401',
  message: 'Unauthorized 401: must authenticate',
};

describe('rancher-sim authentication', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ clock: createManualClock(Date.UTC(2025, 4, 21, 7, 0, 0)) });
  });
  afterAll(async () => {
    await sim.close();
  });

  // §10.1 / §2.1
  it('accepts a Bearer credential when the scheme is lower-case and padded with spaces', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', {
      headers: { Authorization: `  bearer   ${sim.admin.token}  ` },
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-api-cattle-auth']).toBe('true');
  });

  it('accepts Basic auth with padded base64 of name:secret when used like curl -u (§10.1)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', {
      headers: { Authorization: basic(sim.admin.token) },
    });
    expect(res.status).toBe(200);
  });

  it('rejects Basic auth when the base64 is unpadded (§2.1)', async () => {
    const issued = sim.state.addToken({
      user: sim.admin.id,
      name: 'token-bbbbb',
      secret: 'x'.repeat(53),
    });
    const b64 = Buffer.from(issued.bearer).toString('base64');
    expect(b64.endsWith('=')).toBe(true);
    const res = await call(sim, 'GET', '/v3/tokens', {
      headers: { Authorization: `Basic ${b64.replace(/=+$/, '')}` },
    });
    expect(res.status).toBe(401);
  });

  it('reads the R_SESS cookie when there is no Authorization header (§2.1)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', {
      headers: { Cookie: `R_SESS=${sim.admin.token}` },
    });
    expect(res.status).toBe(200);
  });

  it('ignores the R_SESS cookie when an Authorization header with another scheme is present (§2.1)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', {
      headers: { Cookie: `R_SESS=${sim.admin.token}`, Authorization: 'Digest abc' },
    });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
  });

  it('rejects a credential when it has more than one colon (§2.1 SplitTokenParts)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', { bearer: `${sim.admin.token}:extra` });
    expect(res.status).toBe(401);
  });

  // §10.2: every failure is the same 401 body, status as a string.
  it('answers the exact 401 body when the credential fails for any reason (§10.2)', async () => {
    const now = sim.clock.now();
    const expired = sim.state.addToken({ user: sim.admin.id, ttlMs: 1000, createdMs: now - 5000 });
    const disabled = sim.state.addToken({ user: sim.admin.id, enabled: false });
    const u = sim.state.addUser({ username: 'gone', password: 'pw-pw-pw-pw-pw' });
    const ofDisabledUser = sim.state.addToken({ user: u.id });
    sim.state.setUserEnabled(u.id, false);
    const deleted = sim.state.addToken({ user: sim.admin.id });
    sim.state.tokens.delete(deleted.name);
    const [name] = sim.admin.token.split(':');
    const cases: (string | undefined)[] = [
      undefined,
      'token-zzzzz:nope',
      `${name}:wrongsecret`,
      expired.bearer,
      disabled.bearer,
      ofDisabledUser.bearer,
      deleted.bearer,
      'no-colon-at-all',
    ];
    for (const bearer of cases) {
      const res = await call(sim, 'GET', '/v3/tokens', { bearer });
      expect(res.status, String(bearer)).toBe(401);
      expect(res.text).toBe(`${JSON.stringify(UNAUTHORIZED)}\n`);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['x-api-cattle-auth']).toBe('false');
    }
  });

  it('rejects tokens of a disabled auth provider with 401 (§2.3 step 6)', async () => {
    const ldap = sim.state.addUser({
      username: 'ldap1',
      password: 'secret-secret',
      provider: 'openldap',
    });
    const t = sim.state.addToken({ user: ldap.id });
    expect((await call(sim, 'GET', '/v3/tokens', { bearer: t.bearer })).status).toBe(200);
    sim.state.setProviderEnabled('openldap', false);
    expect((await call(sim, 'GET', '/v3/tokens', { bearer: t.bearer })).status).toBe(401);
    sim.state.setProviderEnabled('openldap', true);
  });

  // §10.10
  it('updates lastUsedAt to the second when a token authenticates (§10.10)', async () => {
    const t = sim.state.addToken({ user: sim.admin.id, description: 'used' });
    sim.clock.advance(61_500);
    const res = await call(sim, 'GET', `/v3/tokens/${t.name}`, { bearer: t.bearer });
    const body = res.json<{ lastUsedAt: string; lastUsedAtTS: number }>();
    const expected = Math.floor(sim.clock.now() / 1000) * 1000;
    expect(body.lastUsedAtTS).toBe(expected);
    expect(body.lastUsedAt).toBe(new Date(expected).toISOString().replace('.000Z', 'Z'));
  });

  // §10.11 / §5.1
  it('lets a scoped token reach only its cluster paths when it is cluster-scoped (§10.11)', async () => {
    sim.state.addCluster({ id: 'c-m-aaaabbbb', name: 'prod' });
    const scoped = sim.state.addToken({ user: sim.admin.id, clusterId: 'c-m-aaaabbbb' });
    const ok = ['/v3/clusters/c-m-aaaabbbb', '/k8s/clusters/c-m-aaaabbbb/version'];
    for (const path of ok) {
      expect((await call(sim, 'GET', path, { bearer: scoped.bearer })).status, path).toBe(200);
    }
    const refused = [
      '/v3/tokens',
      '/v3/users?me=true',
      '/v3/clusters',
      '/v3/clusters/local',
      '/v1/ext.cattle.io.tokens',
    ];
    for (const path of refused) {
      const res = await call(sim, 'GET', path, { bearer: scoped.bearer });
      expect(res.status, path).toBe(401);
      expect(res.json()).toEqual(UNAUTHORIZED);
    }
  });
});
