import type { HygieneResult, HygieneTarget } from '../../contract/hygiene';
import type { Output } from '../../contract/ipc';
import { toAppError } from '../app-failure';

/** A bulk revocation under way; `cancelled` is read between batches. */
export interface RevocationJob {
  id: string;
  cancelled: boolean;
}

export interface RevocationPorts {
  /**
   * Revokes one batch of one server's tokens (the key service's delete: at most 8 requests in
   * flight per call, unreachable servers leave the keys pending revocation).
   */
  revoke(serverId: string, keyIds: string[]): Promise<Output<'keys:delete'>>;
  progress(done: number, total: number, failed: number): void;
}

/**
 * Tokens per batch. Cancellation takes effect between batches, so this bounds how much a cancel
 * lets through (about half a second of work); each batch costs one write of the server's key
 * document, which on a 20,000-token list is what bounds throughput when batches are small
 * (bench/RESULTS.md, Hygiene: 64 per batch ran at 71 tokens/s, 256 at 260 against the
 * simulator's 786).
 */
export const REVOKE_BATCH = 256;

/**
 * Revokes the targets, each server's tokens batch after batch (servers side by side, so one slow
 * server holds back no other), reporting progress after every batch. Once the job is cancelled,
 * no new batch starts and the tokens not attempted are reported `cancelled`.
 */
export async function runRevocation(
  job: RevocationJob,
  targets: readonly HygieneTarget[],
  ports: RevocationPorts,
): Promise<HygieneResult[]> {
  const total = targets.reduce((n, t) => n + t.keyIds.length, 0);
  let done = 0;
  let failed = 0;
  ports.progress(0, total, 0);
  const perServer = await Promise.all(
    targets.map(async ({ serverId, keyIds }) => {
      const results: HygieneResult[] = [];
      for (let at = 0; at < keyIds.length; at += REVOKE_BATCH) {
        const batch = keyIds.slice(at, at + REVOKE_BATCH);
        if (job.cancelled) {
          for (const keyId of batch) {
            results.push({ serverId, keyId, outcome: 'cancelled', message: null, code: null });
          }
          continue;
        }
        let answers: Output<'keys:delete'>['results'];
        try {
          answers = (await ports.revoke(serverId, batch)).results;
        } catch (error) {
          // The whole batch failed before any request (keychain locked, server removed).
          const { code, message } = toAppError(error);
          answers = batch.map((keyId) => ({ keyId, outcome: 'failed' as const, message, code }));
        }
        for (const answer of answers) {
          results.push({ serverId, ...answer });
          if (answer.outcome === 'failed') failed++;
        }
        done += batch.length;
        ports.progress(done, total, failed);
      }
      return results;
    }),
  );
  return perServer.flat();
}
