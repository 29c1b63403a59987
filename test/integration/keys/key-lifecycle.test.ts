import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness';

const run = promisify(execFile);
const DAY = 86_400_000;
let rig: Rig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function lookup(service: string, account: string): Promise<string> {
  const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', account]);
  return stdout;
}

describe('key lifecycle against the simulator with the real keychain', () => {
  it('creates a key whose secret secret-tool sees, and copies it', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim, t } = rig;
    const out = await rig.call('keys:create', {
      serverId,
      description: 'integration',
      labels: ['ci'],
      expiry: { kind: 'duration', ms: 10 * DAY },
    });
    expect(out.key).toMatchObject({ description: 'integration', hasSecret: true, labels: ['ci'] });
    expect(out.key.expiresAt).not.toBeNull();
    expect(out.clamped).toBe(false);
    const stored = await lookup(t.keychainService, `${sim.origin}/${out.key.id}`);
    expect(stored).toMatch(new RegExp(`^${out.key.id}:[a-z0-9]{54}$`));
    await rig.call('keys:copy', { serverId, keyId: out.key.id, format: 'bearer' });
    expect(t.clipboard.current).toBe(stored);
    await rig.call('keys:copy', { serverId, keyId: out.key.id, format: 'endpoint' });
    expect(t.clipboard.current).toBe(`${sim.origin}/v3`);
  });

  it('detects silent clamping and refuses never on a server with a maximum', async () => {
    rig = await startRig({
      version: '2.13',
      prepare: (sim) => sim.state.setSetting('auth-token-max-ttl-minutes', String(24 * 60)),
    });
    const { serverId } = rig;
    expect((await rig.call('servers:list', {})).servers[0]?.maxTtlMs).toBe(DAY);
    const refused = await rig.fail('keys:create', {
      serverId,
      description: 'never',
      expiry: { kind: 'never' },
    });
    expect(refused.code).toBe('invalid_input');
    const out = await rig.call('keys:create', {
      serverId,
      description: 'long',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    expect(out).toMatchObject({ requestedTtlMs: 30 * DAY, grantedTtlMs: DAY, clamped: true });
  });

  it("imports a good key, refuses a wrong secret and another user's key", async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const mine = sim.state.addToken({ user: sim.admin.id, description: 'pasted', ttlMs: 5 * DAY });
    const { key } = await rig.call('keys:import', {
      serverId,
      bearer: mine.bearer,
      labels: ['imp'],
    });
    expect(key).toMatchObject({ id: mine.name, hasSecret: true, labels: ['imp'] });
    expect(await lookup(rig.t.keychainService, `${sim.origin}/${mine.name}`)).toBe(mine.bearer);

    const other = sim.state.addToken({ user: sim.admin.id, description: 'wrong secret' });
    const wrong = await rig.fail('keys:import', {
      serverId,
      bearer: `${other.name}:${'b'.repeat(54)}`,
    });
    expect(wrong.code).toBe('unauthorized');

    const bob = sim.state.addUser({ username: 'bob', password: 'bob-password-123' });
    const bobs = sim.state.addToken({ user: bob.id, description: 'bob' });
    const foreign = await rig.fail('keys:import', { serverId, bearer: bobs.bearer });
    expect(['not_found', 'forbidden']).toContain(foreign.code);
  });

  it('keeps a key deleted on the server and marks it revoked', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const { key } = await rig.call('keys:create', {
      serverId,
      description: 'doomed',
      expiry: { kind: 'max' },
    });
    sim.state.tokens.delete(key.name);
    await rig.call('keys:refresh', { serverId });
    const list = await rig.call('keys:list', { serverId });
    expect(list.keys.find((k) => k.id === key.id)?.state).toBe('revoked');
  });

  it('renews a key: same description, labels and lifetime, the old one revoked', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim } = rig;
    const { key } = await rig.call('keys:create', {
      serverId,
      description: 'rotate me',
      labels: ['svc'],
      expiry: { kind: 'duration', ms: 3 * DAY },
    });
    const out = await rig.call('keys:renew', { serverId, keyId: key.id });
    expect(out.key).toMatchObject({ description: 'rotate me', labels: ['svc'], ttlMs: 3 * DAY });
    expect(sim.state.tokens.has(key.name)).toBe(false);
    expect(sim.state.tokens.has(out.key.name)).toBe(true);
  });

  it('deletes in bulk, and retries a revocation that could not reach the server', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId, sim, t } = rig;
    const made = [];
    for (const d of ['a', 'b', 'c']) {
      made.push(
        (await rig.call('keys:create', { serverId, description: d, expiry: { kind: 'max' } })).key,
      );
    }
    const [a, b, c] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0]];
    const bulk = await rig.call('keys:delete', { serverId, keyIds: [a.id, b.id] });
    expect(bulk.results.map((r) => r.outcome)).toEqual(['revoked', 'revoked']);
    expect(await t.secrets.get(`${sim.origin}/${a.id}`)).toBeNull();

    const fault = sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 503 },
    });
    const pending = await rig.call('keys:delete', { serverId, keyIds: [c.id] });
    expect(pending.results[0]?.outcome).toBe('pending_revocation');
    let list = await rig.call('keys:list', { serverId });
    expect(list.keys.find((k) => k.id === c.id)?.state).toBe('pending_revocation');
    fault.remove();
    await rig.call('keys:refresh', { serverId });
    list = await rig.call('keys:list', { serverId });
    expect(list.keys.find((k) => k.id === c.id)).toBeUndefined();
    expect(sim.state.tokens.has(c.name)).toBe(false);
    expect(await t.secrets.get(`${sim.origin}/${c.id}`)).toBeNull();

    const gone = await rig.call('keys:delete', { serverId, keyIds: ['token-zzzzz'] });
    expect(gone.results[0]?.outcome).toBe('already_gone');
  });

  it('creates and updates an ext key on a 2.13 server', async () => {
    rig = await startRig({ version: '2.13' });
    const { serverId } = rig;
    const { key } = await rig.call('keys:create', {
      serverId,
      description: 'ext one',
      family: 'ext',
      expiry: { kind: 'duration', ms: 10 * DAY },
    });
    expect(key.id).toMatch(/^ext\/token-/);
    const shorter = new Date(Date.parse(key.expiresAt ?? '') - 5 * DAY).toISOString();
    const { key: updated } = await rig.call('keys:update', {
      serverId,
      keyId: key.id,
      enabled: false,
      expiresAt: shorter,
    });
    expect(updated).toMatchObject({ enabled: false, state: 'disabled' });
    expect(updated.ttlMs).toBe(5 * DAY);
  });
});
