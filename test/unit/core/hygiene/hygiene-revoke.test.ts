import { AppFailure } from '../../../../electron/core/app-failure';
import { describe, expect, it } from 'vitest';
import {
  REVOKE_BATCH,
  runRevocation,
  type RevocationJob,
} from '../../../../electron/core/hygiene/hygiene-revoke';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** What the key service answers when every key of a batch was revoked. */
const revokedAll = (keyIds: string[]) => ({
  results: keyIds.map((keyId) => ({
    keyId,
    outcome: 'revoked' as const,
    message: null,
    code: null,
  })),
});

describe('runRevocation', () => {
  it('revokes every target in batches and reports progress after each batch', async () => {
    const job: RevocationJob = { id: 'job-00001', cancelled: false };
    const batches: Array<[string, number]> = [];
    const progress: number[] = [];
    const results = await runRevocation(
      job,
      [{ serverId: 'a', keyIds: ids('a', REVOKE_BATCH * 2 + 3) }],
      {
        // A fake key service: stands in for keys.delete, revoking everything.
        revoke: async (serverId, keyIds) => {
          batches.push([serverId, keyIds.length]);
          return revokedAll(keyIds);
        },
        progress: (done) => progress.push(done),
      },
    );
    expect(batches).toEqual([
      ['a', REVOKE_BATCH],
      ['a', REVOKE_BATCH],
      ['a', 3],
    ]);
    expect(progress).toEqual([0, REVOKE_BATCH, REVOKE_BATCH * 2, REVOKE_BATCH * 2 + 3]);
    expect(results.every((r) => r.outcome === 'revoked')).toBe(true);
  });

  it('starts no batch after a cancel and reports the rest cancelled', async () => {
    const job: RevocationJob = { id: 'job-00002', cancelled: false };
    let calls = 0;
    const results = await runRevocation(
      job,
      [{ serverId: 'a', keyIds: ids('a', REVOKE_BATCH + 100) }],
      {
        revoke: async (_serverId, keyIds) => {
          calls++;
          job.cancelled = true; // the user pressed Cancel while the first batch ran
          return revokedAll(keyIds);
        },
        progress: () => undefined,
      },
    );
    expect(calls).toBe(1);
    expect(results.filter((r) => r.outcome === 'revoked')).toHaveLength(REVOKE_BATCH);
    expect(results.filter((r) => r.outcome === 'cancelled')).toHaveLength(100);
  });

  it('keeps per-item outcomes (pending, failed) and counts failures in progress', async () => {
    const job: RevocationJob = { id: 'job-00003', cancelled: false };
    const failedSeen: number[] = [];
    const results = await runRevocation(
      job,
      [
        { serverId: 'up', keyIds: ['k1', 'k2'] },
        { serverId: 'down', keyIds: ['k3'] },
        { serverId: 'gone', keyIds: ['k4'] },
        { serverId: 'locked', keyIds: ['k5'] },
      ],
      {
        revoke: async (serverId, keyIds) => {
          // As the key service fails a batch: a server removed meanwhile, a locked keychain.
          if (serverId === 'gone') throw new AppFailure('not_found', 'Server not found.');
          if (serverId === 'locked') throw new AppFailure('keychain_locked', 'Unlock it.');
          return {
            results: keyIds.map((keyId) => ({
              keyId,
              outcome: serverId === 'down' ? ('pending_revocation' as const) : ('revoked' as const),
              message: null,
              code: serverId === 'down' ? ('unreachable' as const) : null,
            })),
          };
        },
        progress: (_done, _total, failed) => failedSeen.push(failed),
      },
    );
    expect(results).toEqual([
      { serverId: 'up', keyId: 'k1', outcome: 'revoked', message: null, code: null },
      { serverId: 'up', keyId: 'k2', outcome: 'revoked', message: null, code: null },
      {
        serverId: 'down',
        keyId: 'k3',
        outcome: 'pending_revocation',
        message: null,
        code: 'unreachable',
      },
      {
        serverId: 'gone',
        keyId: 'k4',
        outcome: 'failed',
        message: 'Server not found.',
        code: 'not_found',
      },
      {
        serverId: 'locked',
        keyId: 'k5',
        outcome: 'failed',
        message: 'Unlock it.',
        code: 'keychain_locked',
      },
    ]);
    expect(Math.max(...failedSeen)).toBe(2);
  });
});
