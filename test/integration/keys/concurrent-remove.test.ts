import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../bridge/compose';
import { startRig, type Rig } from './harness';

/**
 * Every key operation racing the removal of its server or a sign-out (issue 10 §2): each answers
 * with a result (never `internal`), no background task rejects unhandled (vitest fails the run on
 * one), and the app keeps working afterwards.
 */
const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

type Op = (rig: Rig, keyId: string) => Promise<{ ok: boolean; error?: { code: string } }>;
const ops: Record<string, Op> = {
  refresh: (rig) => rig.t.dispatch('keys:refresh', { serverId: rig.serverId }),
  create: (rig) =>
    rig.t.dispatch('keys:create', {
      serverId: rig.serverId,
      description: 'racing',
      expiry: { kind: 'duration', ms: 86_400_000 },
    }),
  renew: (rig, keyId) => rig.t.dispatch('keys:renew', { serverId: rig.serverId, keyId }),
  delete: (rig, keyId) =>
    rig.t.dispatch('keys:delete', { serverId: rig.serverId, keyIds: [keyId] }),
  labels: (rig, keyId) =>
    rig.t.dispatch('keys:setLabels', { serverId: rig.serverId, keyId, labels: ['x'] }),
  copy: (rig, keyId) =>
    rig.t.dispatch('keys:copy', { serverId: rig.serverId, keyId, format: 'bearer' }),
};

const races: Record<string, (rig: Rig) => Promise<{ ok: boolean; error?: { code: string } }>> = {
  'removing the server': (rig) => rig.t.dispatch('servers:remove', { id: rig.serverId }),
  'signing out': (rig) => rig.t.dispatch('auth:signOut', { serverId: rig.serverId }),
};

describe('key operations racing server removal and sign-out', () => {
  it('does not reject unhandled when a server is removed before its start-up refresh runs', async () => {
    const rig = await startRig({ version: '2.13', core: { keep: true } });
    rigs.push(rig);
    await rig.t.core.stop();
    const again = createTestCore({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      keep: true,
    });
    await again.ready();
    // Same turn as the end of start: the background refresh has not begun yet.
    const removed = await again.core.dispatch('servers:remove', { id: rig.serverId });
    expect(removed.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await again.dispatch('keys:list', {})).toMatchObject({ ok: true });
    await again.close();
  });

  for (const [raceName, race] of Object.entries(races)) {
    for (const [opName, op] of Object.entries(ops)) {
      it(`${opName} while ${raceName} answers with a result and leaves the app working`, async () => {
        const rig = await startRig({ version: '2.13' });
        rigs.push(rig);
        const { key } = await rig.call('keys:create', {
          serverId: rig.serverId,
          description: 'existing',
          expiry: { kind: 'duration', ms: 86_400_000 },
        });
        // Background work under way too: a refresh of every server.
        void rig.t.dispatch('keys:refresh', {});
        const [first, second] = await Promise.all([op(rig, key.id), race(rig)]);
        for (const result of [first, second]) {
          if (!result.ok) expect(result.error?.code).not.toBe('internal');
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        const listed = await rig.t.dispatch('servers:list', {});
        expect(listed.ok).toBe(true);
        const keys = await rig.t.dispatch('keys:list', {});
        expect(keys.ok).toBe(true);
      });
    }
  }
});
