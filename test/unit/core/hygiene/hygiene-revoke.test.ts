import { describe, expect, it } from 'vitest';
import {
  REVOKE_BATCH,
  runRevocation,
  type RevocationJob,
} from '../../../../electron/core/hygiene/hygiene-revoke';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

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
          return { results: keyIds.map((keyId) => ({ keyId, outcome: 'revoked', message: null })) };
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
          return { results: keyIds.map((keyId) => ({ keyId, outcome: 'revoked', message: null })) };
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
      ],
      {
        revoke: async (serverId, keyIds) => {
          if (serverId === 'gone') throw new Error('Server not found.');
          return {
            results: keyIds.map((keyId) => ({
              keyId,
              outcome: serverId === 'down' ? ('pending_revocation' as const) : ('revoked' as const),
              message: null,
            })),
          };
        },
        progress: (_done, _total, failed) => failedSeen.push(failed),
      },
    );
    expect(results).toEqual([
      { serverId: 'up', keyId: 'k1', outcome: 'revoked', message: null },
      { serverId: 'up', keyId: 'k2', outcome: 'revoked', message: null },
      { serverId: 'down', keyId: 'k3', outcome: 'pending_revocation', message: null },
      { serverId: 'gone', keyId: 'k4', outcome: 'failed', message: 'Server not found.' },
    ]);
    expect(Math.max(...failedSeen)).toBe(1);
  });
});
