import { describe, expect, it } from 'vitest';
import type { KeyService } from '../../../../electron/core/keys/key-service';
import { createMemoryLogger } from '../../../../electron/core/log';
import { importTokens } from '../../../../electron/core/plaintext/plaintext-import';
import type { ScannedToken } from '../../../../electron/core/plaintext/plaintext-scan';
import type { ServerService } from '../../../../electron/core/servers/server-service';
import { AppFailure } from '../../../../electron/core/app-failure';

// Fakes: `servers` stands in for the server registry (one known server), `keys.import` for the
// key service's verified import (it succeeds, or fails as the test says, after a turn).
function token(n: number, serverUrl: string | null = 'https://r.example.com'): ScannedToken {
  return {
    findingId: `f:${n}`,
    fileId: 'f',
    hash: `h${n}`,
    bearer: `token-abc${n}x:${'s'.repeat(54)}`,
    accessKey: `token-abc${n}x`,
    family: 'v3',
    tokenKind: 'v3',
    place: { kind: 'cli2_login', entry: `e${n}`, subEntry: null, contexts: [] },
    filePlace: { kind: 'cli2_login', entry: `e${n}`, subEntry: null, contexts: [] },
    serverUrl,
    clusterId: null,
    expiresAt: null,
    caPem: null,
    proxyUrl: null,
  };
}

function deps(importer: (bearer: string) => Promise<void>) {
  const servers = {
    list: () => [{ id: 'srv-1', origin: 'https://r.example.com' }],
    get: () => ({ signedIn: true }),
    add: () => Promise.reject(new AppFailure('unreachable', 'no')),
  } as unknown as ServerService;
  const keys = {
    import: async ({ bearer }: { bearer: string }) => {
      await importer(bearer);
      return { id: bearer.split(':')[0] };
    },
  } as unknown as KeyService;
  return { servers, keys, log: createMemoryLogger(), heldHash: async () => null };
}

describe('importTokens', () => {
  it('stops starting tokens once cancelled, and reports the rest as cancelled', async () => {
    const job = { cancelled: false, onProgress: () => void (job.cancelled = true) };
    const out = await importTokens(
      Array.from({ length: 20 }, (_, i) => token(i)),
      deps(() => new Promise((r) => setTimeout(r, 1))),
      job,
    );
    const cancelled = out.results.filter((r) => r.outcome === 'cancelled').length;
    const imported = out.results.filter((r) => r.outcome === 'imported').length;
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThanOrEqual(4);
    expect(cancelled + imported).toBe(20);
  });

  it('keeps going after a failure and says which failed', async () => {
    const progress: Array<[number, number]> = [];
    const out = await importTokens(
      [token(1), token(2), token(3, null), token(4, 'https://new.example.com')],
      deps(async (bearer) => {
        if (bearer.startsWith('token-abc1x')) throw new Error('boom');
      }),
      { cancelled: false, onProgress: (done, failed) => progress.push([done, failed]) },
    );
    expect(out.results.map((r) => r.outcome)).toEqual([
      'failed',
      'imported',
      'unknown_server',
      'unreachable',
    ]);
    expect(out.results[0]?.message).not.toContain('boom');
    expect(progress.at(-1)).toEqual([4, 3]);
  });
});
