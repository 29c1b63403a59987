import { describe, expect, it } from 'vitest';
import { createKeyService } from '../../../../electron/core/keys/key-service';
import { setup } from './setup';

const DAY = 86_400_000;
const account = (name: string) => `https://rancher.example.com/${name}`;

describe('createKeyService', () => {
  it('stores the secret and reports requested vs granted when the server clamps the lifetime', async () => {
    const t = await setup({ maxTtlMs: 30 * DAY });
    const out = await t.keys.create({
      serverId: 's1',
      description: 'ci',
      labels: ['ci'],
      expiry: { kind: 'duration', ms: 90 * DAY },
      clusterId: null,
      family: 'v3',
    });
    expect(out.clamped).toBe(true);
    expect(out.requestedTtlMs).toBe(90 * DAY);
    expect(out.grantedTtlMs).toBe(30 * DAY);
    expect(out.endpoint).toBe('https://rancher.example.com/v3');
    expect(out.key.hasSecret).toBe(true);
    expect(out.key.labels).toEqual(['ci']);
    expect(out.key.expiresAt).not.toBeNull();
    expect(out.key.preview).toMatch(/^token-[a-z0-9]{5}:.{4}….{3}$/);
    expect(t.secrets.snapshot().get(account(out.key.id))).toMatch(/^token-/);
  });

  it('refuses never when the server sets a maximum', async () => {
    const t = await setup({ maxTtlMs: 30 * DAY });
    await expect(
      t.keys.create({
        serverId: 's1',
        description: 'x',
        labels: [],
        expiry: { kind: 'never' },
        clusterId: null,
        family: 'v3',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(t.rancher.calls).not.toContain('createToken');
  });

  it('refuses to create when the keychain is locked and calls no server', async () => {
    const t = await setup();
    t.secrets.setStatus({ status: 'locked', reason: 'The keychain is locked.', fix: 'Unlock it.' });
    await expect(
      t.keys.create({
        serverId: 's1',
        description: 'x',
        labels: [],
        expiry: { kind: 'max' },
        clusterId: null,
        family: 'v3',
      }),
    ).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(t.rancher.calls).not.toContain('createToken');
  });

  it('marks a key deleted on the server as revoked and keeps it when the app holds it', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'kept',
      labels: [],
      expiry: { kind: 'duration', ms: 10 * DAY },
      clusterId: null,
      family: 'v3',
    });
    t.rancher.seed({ name: 'token-other' });
    await t.keys.refresh('s1');
    t.rancher.tokens.clear();
    await t.keys.refresh('s1');
    const list = t.keys.list({ serverId: 's1' });
    expect(list.keys.map((k) => [k.id, k.state])).toEqual([[key.id, 'revoked']]);
  });

  it('marks an expired key expired and an expiring one expiring within the largest threshold', async () => {
    const t = await setup({ maxTtlMs: null });
    t.rancher.seed({ name: 'token-lng22', ttlMs: 30 * DAY, description: 'later' });
    t.rancher.seed({ name: 'token-nev33', ttlMs: null, description: 'never' });
    await t.keys.refresh('s1');
    const states = () =>
      Object.fromEntries(t.keys.list({ serverId: 's1' }).keys.map((k) => [k.id, k.state]));
    expect(states()).toEqual({ 'token-lng22': 'active', 'token-nev33': 'active' });
    t.clock.advance(23 * DAY + 1);
    await t.keys.refresh('s1');
    expect(states()['token-lng22']).toBe('expiring');
    t.clock.advance(8 * DAY);
    await t.keys.refresh('s1');
    expect(states()['token-lng22']).toBe('expired');
  });

  it("warns relative to a key's own lifetime: a 1-day key is expiring only in its last 6 hours", async () => {
    const t = await setup({ maxTtlMs: null });
    t.rancher.seed({ name: 'token-day11', ttlMs: DAY, description: 'one day' });
    t.rancher.seed({ name: 'token-hrs22', ttlMs: 2 * 3_600_000, description: 'two hours' });
    await t.keys.refresh('s1');
    const states = () =>
      Object.fromEntries(t.keys.list({ serverId: 's1' }).keys.map((k) => [k.id, k.state]));
    expect(states()).toEqual({ 'token-day11': 'active', 'token-hrs22': 'active' });
    t.clock.advance(90 * 60_000 + 1);
    expect(states()).toEqual({ 'token-day11': 'active', 'token-hrs22': 'expiring' });
    t.clock.advance(DAY - 6 * 3_600_000 - 90 * 60_000);
    expect(states()).toEqual({ 'token-day11': 'expiring', 'token-hrs22': 'expired' });
    // The server switcher's count follows the same states (one expiring, one expired).
    expect(t.keys.nearExpiryCount('s1')).toBe(2);
  });

  it('hides session and kubeconfig tokens unless asked or the setting is on', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-api11', kind: 'api_key' });
    t.rancher.seed({ name: 'token-ses22', kind: 'session' });
    t.rancher.seed({ name: 'kubeconfig-user-x', kind: 'kubeconfig' });
    await t.keys.refresh('s1');
    expect(t.keys.list({ serverId: 's1' }).keys.map((k) => k.id)).toEqual(['token-api11']);
    expect(t.keys.list({ serverId: 's1', includeSystem: true }).keys).toHaveLength(3);
    t.setSettings({ showSystemTokens: true });
    expect(t.keys.list({ serverId: 's1' }).keys).toHaveLength(3);
  });

  it("names a scoped key's cluster from the server's cluster list, and keeps the id when unknown", async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-sco11', clusterId: 'c-m-4x7kq2lb' });
    t.rancher.seed({ name: 'token-sco22', clusterId: 'c-m-gone0000' });
    t.rancher.seed({ name: 'token-all33' });
    t.rancher.setClusters([{ id: 'c-m-4x7kq2lb', name: 'prod-eu', state: 'active' }]);
    await t.keys.refresh('s1');
    const byId = new Map(t.keys.list({ serverId: 's1' }).keys.map((k) => [k.id, k]));
    expect(byId.get('token-sco11')).toMatchObject({
      clusterId: 'c-m-4x7kq2lb',
      clusterName: 'prod-eu',
    });
    expect(byId.get('token-sco22')).toMatchObject({ clusterId: 'c-m-gone0000', clusterName: null });
    expect(byId.get('token-all33')?.clusterName).toBeNull();
    // A rename on the server shows after the next refresh.
    t.rancher.setClusters([{ id: 'c-m-4x7kq2lb', name: 'prod-eu-1', state: 'active' }]);
    await t.keys.refresh('s1');
    const renamed = t.keys.list({ serverId: 's1' }).keys.find((k) => k.id === 'token-sco11');
    expect(renamed?.clusterName).toBe('prod-eu-1');
  });

  it('distinguishes keys only seen on the server: no secret, copy refused with not_found', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-srv11' });
    await t.keys.refresh('s1');
    const [key] = t.keys.list({ serverId: 's1' }).keys;
    expect(key?.hasSecret).toBe(false);
    await expect(
      t.keys.copy({ serverId: 's1', keyId: 'token-srv11', format: 'bearer' }),
    ).rejects.toMatchObject({ code: 'not_found', message: /does not hold the secret/ });
    await expect(
      t.keys.copy({ serverId: 's1', keyId: 'token-srv11', format: 'access_key' }),
    ).resolves.toMatchObject({ format: 'access_key' });
    expect(t.clipboard.writes).toEqual(['token-srv11']);
  });

  it('answers from the cache with stale when the server is unreachable', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-srv11' });
    await t.keys.refresh('s1');
    expect(t.keys.list({ serverId: 's1' }).stale).toBe(false);
    t.rancher.fail('unreachable');
    const out = await t.keys.refresh('s1');
    expect(out.results[0]).toMatchObject({ ok: false });
    const list = t.keys.list({ serverId: 's1' });
    expect(list.stale).toBe(true);
    expect(list.keys.map((k) => k.id)).toEqual(['token-srv11']);
  });

  it('loads the cached list at once on a restart over the same data dir', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-srv11' });
    await t.keys.refresh('s1');
    t.keys.stop();
    await t.keys.idle();
    const again = createKeyService(t.deps);
    await again.start();
    const list = again.list({ serverId: 's1' });
    expect(list.keys.map((k) => k.id)).toEqual(['token-srv11']);
    expect(list.refreshedAt).not.toBeNull();
  });

  it('keeps labels set after a refresh when the process ends before the refreshed list is written', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-srv11' });
    await t.keys.refresh('s1');
    await t.keys.setLabels({ serverId: 's1', keyId: 'token-srv11', labels: ['prod'] });
    // No stop or idle: a crash right after the label was saved.
    const again = createKeyService(t.deps);
    await again.start();
    expect(again.list({ serverId: 's1' }).keys[0]?.labels).toEqual(['prod']);
  });

  it('removes the secret of a pending revocation whose key vanished from the server', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'gone elsewhere',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
      family: 'v3',
    });
    t.rancher.fail('timeout');
    await t.keys.delete({ serverId: 's1', keyIds: [key.id] });
    t.rancher.fail(null);
    // Someone revoked it on the server meanwhile.
    t.rancher.tokens.clear();
    await t.keys.refresh('s1');
    expect(t.keys.list({ serverId: 's1' }).keys).toEqual([]);
    expect(t.secrets.snapshot().size).toBe(0);
  });

  it('sets labels and renames a label across keys', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-aaa11' });
    t.rancher.seed({ name: 'token-bbb22' });
    await t.keys.refresh('s1');
    await t.keys.setLabels({ serverId: 's1', keyId: 'token-aaa11', labels: ['prod', 'ci'] });
    await t.keys.setLabels({ serverId: 's1', keyId: 'token-bbb22', labels: ['prod'] });
    expect(await t.keys.renameLabel({ from: 'prod', to: 'production' })).toBe(2);
    const labels = t.keys.list({ serverId: 's1' }).keys.map((k) => k.labels);
    expect(labels).toContainEqual(['production', 'ci']);
    expect(labels).toContainEqual(['production']);
  });

  it('deletes a key on the server, from the keychain and from metadata', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'gone',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
      family: 'v3',
    });
    const out = await t.keys.delete({ serverId: 's1', keyIds: [key.id, 'token-nope1'] });
    expect(out.results).toEqual([
      { keyId: key.id, outcome: 'revoked', message: null, code: null },
      { keyId: 'token-nope1', outcome: 'already_gone', message: null, code: null },
    ]);
    expect(t.secrets.snapshot().size).toBe(0);
    expect(t.keys.list({ serverId: 's1' }).keys).toEqual([]);
  });

  it('marks a key pending_revocation when the server is unreachable and revokes it on the retry', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'later',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
      family: 'v3',
    });
    t.rancher.fail('timeout');
    const out = await t.keys.delete({ serverId: 's1', keyIds: [key.id] });
    expect(out.results[0]?.outcome).toBe('pending_revocation');
    expect(t.keys.list({ serverId: 's1' }).keys[0]?.state).toBe('pending_revocation');
    t.rancher.fail(null);
    t.clock.advance(60_000);
    await t.keys.idle();
    expect(t.rancher.tokens.size).toBe(0);
    expect(t.keys.list({ serverId: 's1' }).keys).toEqual([]);
    expect(t.secrets.snapshot().size).toBe(0);
  });

  it('renews with the same description, labels and lifetime and revokes the old key at once', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'svc',
      labels: ['a'],
      expiry: { kind: 'duration', ms: 10 * DAY },
      clusterId: null,
      family: 'v3',
    });
    const out = await t.keys.renew({ serverId: 's1', keyId: key.id, revokeOldAfterMs: 0 });
    expect(out.key.id).not.toBe(key.id);
    expect(out.key).toMatchObject({
      description: 'svc',
      labels: ['a'],
      ttlMs: 10 * DAY,
      hasSecret: true,
    });
    expect(out.oldRevokeAt).toBeNull();
    expect([...t.rancher.tokens.values()].map((e) => e.token.name)).toEqual([out.key.name]);
  });

  it('keeps the old key until the grace period ends when renewing with a delay', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'svc',
      labels: [],
      expiry: { kind: 'duration', ms: 10 * DAY },
      clusterId: null,
      family: 'v3',
    });
    const out = await t.keys.renew({ serverId: 's1', keyId: key.id, revokeOldAfterMs: 3_600_000 });
    expect(out.oldRevokeAt).not.toBeNull();
    expect(t.rancher.tokens.size).toBe(2);
    t.clock.advance(3_600_000);
    await t.keys.idle();
    expect(t.rancher.tokens.size).toBe(1);
  });

  it('explains that v3 keys cannot be updated', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-aaa11' });
    await t.keys.refresh('s1');
    await expect(
      t.keys.update({ serverId: 's1', keyId: 'token-aaa11', enabled: false }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /no update/ });
  });

  it('disables an ext key and shortens its expiry from the creation time', async () => {
    const t = await setup();
    const { key } = await t.keys.create({
      serverId: 's1',
      description: 'ext',
      labels: [],
      expiry: { kind: 'duration', ms: 10 * DAY },
      clusterId: null,
      family: 'ext',
    });
    expect(key.id).toMatch(/^ext\/token-/);
    const target = new Date(t.clock.now() + 2 * DAY).toISOString();
    const updated = await t.keys.update({
      serverId: 's1',
      keyId: key.id,
      enabled: false,
      expiresAt: target,
    });
    expect(updated.enabled).toBe(false);
    expect(updated.ttlMs).toBe(2 * DAY);
    expect(updated.state).toBe('disabled');
  });

  it('imports a good bearer and refuses a wrong secret', async () => {
    const t = await setup();
    const bearer = t.rancher.seed({ name: 'token-imp11', ttlMs: 10 * DAY });
    const view = await t.keys.import({ serverId: 's1', bearer, labels: ['x'] });
    expect(view).toMatchObject({ id: 'token-imp11', hasSecret: true, labels: ['x'] });
    expect(t.secrets.snapshot().get(account('token-imp11'))).toBe(bearer);
    const other = t.rancher.seed({ name: 'token-imp22' });
    const wrong = `${other.slice(0, other.indexOf(':'))}:${'b'.repeat(54)}`;
    await expect(
      t.keys.import({ serverId: 's1', bearer: wrong, labels: [] }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a bearer of the wrong shape with a clear message', async () => {
    const t = await setup();
    await expect(
      t.keys.import({ serverId: 's1', bearer: 'not a token', labels: [] }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /token-xxxxx:secret/ });
  });

  it("refuses to import another user's key", async () => {
    const t = await setup();
    const bearer = t.rancher.seed({ name: 'token-oth11', userId: 'u-someone' });
    await expect(t.keys.import({ serverId: 's1', bearer, labels: [] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('snoozes a key and reports it in the view', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-snz11' });
    await t.keys.refresh('s1');
    const until = new Date(t.clock.now() + DAY).toISOString();
    const view = await t.keys.snooze({ serverId: 's1', keyId: 'token-snz11', until });
    expect(view.snoozedUntil).toBe(until);
  });

  it('emits keys:changed after a refresh', async () => {
    const t = await setup();
    await t.keys.refresh('s1');
    expect(t.events).toContainEqual({ event: 'keys:changed', payload: { serverId: 's1' } });
  });

  it('lists from metadata with hasSecret when the keychain is unavailable', async () => {
    const t = await setup();
    await t.keys.create({
      serverId: 's1',
      description: 'held',
      labels: [],
      expiry: { kind: 'max' },
      clusterId: null,
      family: 'v3',
    });
    t.secrets.setStatus({
      status: 'unavailable',
      reason: 'No Secret Service.',
      fix: 'Install one.',
    });
    expect(t.keys.list({ serverId: 's1' }).keys[0]?.hasSecret).toBe(true);
    await expect(
      t.keys.import({
        serverId: 's1',
        bearer: t.rancher.seed({ name: 'token-new11' }),
        labels: [],
      }),
    ).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});
