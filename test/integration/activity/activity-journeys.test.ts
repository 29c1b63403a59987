import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FILE } from '../../../electron/core/activity/activity-log';
import { startRig, type Rig } from '../keys/harness';

describe('the activity log over the real core', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ version: '2.13' });
  });
  afterAll(() => rig.close());

  it('records key and server operations with outcomes and error codes, and no secret', async () => {
    const { serverId } = rig;
    const created = await rig.call('keys:create', {
      serverId,
      description: 'journey',
      expiry: { kind: 'max' },
    });
    await rig.call('keys:copy', { serverId, keyId: created.key.id, format: 'bearer' });
    const pasted = rig.sim.state.addToken({ user: rig.sim.admin.id, description: 'pasted' });
    const imported = await rig.call('keys:import', { serverId, bearer: pasted.bearer });
    await rig.call('keys:setLabels', { serverId, keyId: imported.key.id, labels: ['ci'] });
    const renewed = await rig.call('keys:renew', { serverId, keyId: created.key.id });
    await rig.call('keys:delete', { serverId, keyIds: [imported.key.id] });
    await rig.fail('keys:import', { serverId, bearer: 'token-zzzzz:notavalidsecretatall' });
    await rig.fail('auth:signIn', {
      serverId,
      method: 'password',
      provider: 'local',
      username: 'admin',
      password: 'wrong-password-123',
    });
    await rig.call('auth:signOut', { serverId });

    const { entries } = await rig.call('activity:list', {});
    const seen = entries
      .slice()
      .reverse()
      .map((e) => [e.action, e.outcome, e.keyId, e.errorCode]);
    expect(seen).toEqual([
      ['add_server', 'ok', null, null],
      ['sign_in', 'ok', null, null],
      ['create', 'ok', created.key.id, null],
      ['copy', 'ok', created.key.id, null],
      ['import', 'ok', imported.key.id, null],
      ['set_labels', 'ok', imported.key.id, null],
      // The renewal revoked the old key at once: its own entry, before the renewal's.
      ['revoke', 'ok', created.key.id, null],
      ['renew', 'ok', created.key.id, null],
      ['revoke', 'ok', imported.key.id, null],
      ['import', 'failed', null, 'not_found'],
      ['sign_in', 'failed', null, 'unauthorized'],
      ['sign_out', 'ok', null, null],
    ]);
    expect(entries.find((e) => e.action === 'copy')?.detail).toBe('format bearer');
    expect(entries.find((e) => e.action === 'renew')?.detail).toBe(`new key ${renewed.key.id}`);
    expect(entries.every((e) => e.serverId === serverId)).toBe(true);

    const history = await rig.call('activity:list', { keyId: created.key.id });
    expect(history.entries.map((e) => e.action)).toEqual(['renew', 'revoke', 'copy', 'create']);
    expect(history.entries[1]?.detail).toBe('renewed; old key revoked at once');

    const text = await readFile(path.join(rig.t.dataDir, ACTIVITY_FILE), 'utf8');
    const secrets = [
      ...[...rig.sim.state.tokens.values()].map((t) => t.secret),
      ...[...rig.sim.state.extTokens.values()].map((t) => t.secret),
      ...[...rig.sim.state.users.values()].map((u) => u.password),
      'wrong-password-123',
      'notavalidsecretatall',
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('exports what the view shows as CSV and JSON', async () => {
    const csv = await rig.call('activity:export', { format: 'csv', action: 'copy' });
    expect(csv.count).toBe(1);
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.content.split('\r\n')[1]).toMatch(/,copy,ok,,format bearer$/);
    const json = await rig.call('activity:export', { format: 'json' });
    expect((JSON.parse(json.content) as unknown[]).length).toBe(json.count);
    expect(json.fileName).toMatch(/^rancher-keys-activity-\d{4}-\d\d-\d\d\.json$/);
  });
});
