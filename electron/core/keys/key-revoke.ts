import type { z } from 'zod';
import type { ErrorCode } from '../../contract/errors';
import type { deleteOutcomeSchema } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import type { BackgroundRevocation, KeyContext } from './key-context';
import { idTable, ownEntry } from '../id-table';

type Outcome = z.infer<typeof deleteOutcomeSchema>;

export interface RevokeResult {
  keyId: string;
  outcome: Outcome;
  message: string | null;
  /** Why the key was not revoked (failed) or not yet (pending); null when it was. */
  code: ErrorCode | null;
}

// Failures that say nothing about the key: the server could not be asked. Try again later.
const retryable: ReadonlySet<ErrorCode> = new Set(['unreachable', 'timeout', 'server_error']);

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Removes a key the server no longer has from the keychain and the metadata. */
export async function forgetKey(ctx: KeyContext, serverId: string, keyId: string): Promise<void> {
  ctx.deleted.note(serverId, keyId);
  const record = ownEntry(ctx.cache.get(serverId).keys, keyId);
  if (record?.hasSecret) await ctx.deps.secrets.delete(ctx.account(serverId, keyId));
  await ctx.cache.updateRecord(serverId, keyId, () => null);
}

/**
 * Records the intent to revoke before the server is asked (a persisted pending revocation): a
 * crash between the server's answer and the local clean-up then ends in the clean-up on the next
 * refresh, instead of a revoked key that still claims its secret.
 */
async function markIntent(ctx: KeyContext, serverId: string, keyIds: readonly string[]) {
  const marked: string[] = [];
  await ctx.cache.update(serverId, (doc) => {
    const keys = idTable(doc.keys);
    for (const id of keyIds) {
      const record = ownEntry(keys, id);
      if (!record || record.pendingRevocation) continue;
      keys[id] = { ...record, pendingRevocation: true };
      marked.push(id);
    }
    return marked.length > 0 ? { ...doc, keys } : doc;
  });
  return new Set(marked);
}

/**
 * Revokes keys on the server, then removes them from the keychain and metadata. When the server
 * cannot be reached the key is marked `pending_revocation` (persisted) and retried later; a key
 * the server no longer has is simply cleaned up (`already_gone`).
 */
export async function revokeKeys(
  ctx: KeyContext,
  serverId: string,
  keyIds: readonly string[],
): Promise<RevokeResult[]> {
  const { deps } = ctx;
  const server = deps.servers.get(serverId);
  const records = ctx.cache.get(serverId).keys;
  if (keyIds.some((id) => ownEntry(records, id)?.hasSecret)) await ctx.requireKeychain();
  const marked = await markIntent(
    ctx,
    serverId,
    keyIds.filter((id) => id !== server.signInKeyId),
  );
  // Records change once per call, not once per key: each change rewrites the server's whole
  // document, which made a bulk revocation on a list of 20,000 take seconds per key.
  const forgotten: string[] = [];
  const pending: string[] = [];
  const unmarked: string[] = [];
  const results = await mapLimit([...new Set(keyIds)], 8, async (keyId): Promise<RevokeResult> => {
    if (keyId === server.signInKeyId) {
      return {
        keyId,
        outcome: 'failed',
        message: `This key is how Rancher Keys signs in to ${server.name}. Sign out (or sign in with another key) first.`,
        code: 'conflict',
      };
    }
    const record = ownEntry(records, keyId);
    // A key the app never listed is not sent to the server: only a listed key's record says which
    // family and name it has (an id's text could name a token of another family).
    if (!record) return { keyId, outcome: 'already_gone', message: null, code: null };
    let answer: 'deleted' | 'not_found';
    try {
      const { family, name } = record.token;
      answer = await deps.servers.clientFor(serverId).deleteToken(family, name);
    } catch (error) {
      const code: ErrorCode = error instanceof AppFailure ? error.code : 'internal';
      const message = error instanceof AppFailure ? error.message : 'The key could not be revoked.';
      if (!retryable.has(code)) {
        if (marked.has(keyId)) unmarked.push(keyId);
        return { keyId, outcome: 'failed', message, code };
      }
      pending.push(keyId);
      return {
        keyId,
        outcome: 'pending_revocation',
        message: `${server.name} could not be reached; the key will be revoked as soon as it answers.`,
        code,
      };
    }
    const outcome = answer === 'deleted' ? 'revoked' : 'already_gone';
    ctx.deleted.note(serverId, keyId);
    try {
      if (record.hasSecret) await deps.secrets.delete(ctx.account(serverId, keyId));
    } catch (error) {
      // The server's part is done; say so, and what is left (the pending revocation recorded
      // before makes the next refresh finish it).
      return { keyId, outcome, message: unfinished(server.name, error), code: null };
    }
    forgotten.push(keyId);
    return { keyId, outcome, message: null, code: null };
  });
  if (forgotten.length > 0 || pending.length > 0 || unmarked.length > 0) {
    try {
      await ctx.cache.update(serverId, (doc) => {
        const keys = idTable(doc.keys);
        for (const id of forgotten) delete keys[id];
        for (const id of pending) {
          const record = ownEntry(keys, id);
          if (record) keys[id] = { ...record, pendingRevocation: true };
        }
        for (const id of unmarked) {
          const record = ownEntry(keys, id);
          if (record) keys[id] = { ...record, pendingRevocation: false };
        }
        return { ...doc, keys };
      });
    } catch (error) {
      const unsaved = new Set(forgotten);
      for (const result of results) {
        if (unsaved.has(result.keyId)) result.message = unfinished(server.name, error);
      }
    }
  }
  ctx.armRevocations();
  ctx.changed(serverId);
  return results;
}

function unfinished(serverName: string, error: unknown): string {
  const why =
    error instanceof AppFailure ? error.message : 'its local records could not be updated.';
  return `The key is revoked on ${serverName}, but Rancher Keys could not finish removing it here: ${why}`;
}

/** Keys of a server that are due to be revoked: pending revocations and ended grace periods. */
export function dueRevocations(ctx: KeyContext, serverId: string, now: number): string[] {
  const { keys } = ctx.cache.get(serverId);
  const due: string[] = [];
  // Runs after every refresh, over every key: a plain loop, no entry arrays.
  for (const id in keys) {
    const r = keys[id] as (typeof keys)[string];
    if (r.pendingRevocation || (r.revokeAt !== null && Date.parse(r.revokeAt) <= now)) due.push(id);
  }
  return due;
}

/** The earliest instant a revocation is due (0 for pending ones), or null when none is. */
export function nextRevocationAt(ctx: KeyContext, serverIds: readonly string[]): number | null {
  let next: number | null = null;
  for (const serverId of serverIds) {
    for (const record of Object.values(ctx.cache.get(serverId).keys)) {
      if (record.revokeAt === null && !record.pendingRevocation) continue;
      const at = record.pendingRevocation ? 0 : Date.parse(record.revokeAt ?? '');
      if (next === null || at < next) next = at;
    }
  }
  return next;
}

/**
 * Retries the server's due revocations; failures stay pending. Each is recorded in the activity
 * log with why the app revoked it on its own (a pending revocation, a renewed key's grace period);
 * a pending one that is still pending is not recorded again at every retry.
 */
export async function retryRevocations(ctx: KeyContext, serverId: string): Promise<void> {
  const due = dueRevocations(ctx, serverId, ctx.deps.clock.now());
  if (due.length === 0) return;
  const server = ctx.deps.servers.get(serverId);
  if (!server.signedIn) return;
  if ((await ctx.deps.secrets.status()).status !== 'available') return;
  const keys = ctx.cache.get(serverId).keys;
  const wasPending = new Set(due.filter((id) => ownEntry(keys, id)?.pendingRevocation));
  const results = await revokeKeys(ctx, serverId, due);
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    ctx.deps.log.warn('keys: some revocations failed', { serverId, count: failed.length });
  }
  await ctx.recordRevocations(
    results
      .filter((r) => !(r.outcome === 'pending_revocation' && wasPending.has(r.keyId)))
      .map((r) =>
        backgroundRevocation(
          serverId,
          r,
          wasPending.has(r.keyId)
            ? 'pending revocation retried'
            : 'grace period after renewal ended',
        ),
      ),
  );
}

const outcomes: Record<Outcome, BackgroundRevocation['outcome']> = {
  revoked: 'ok',
  already_gone: 'ok',
  pending_revocation: 'pending',
  failed: 'failed',
};

/** A revocation result as the activity log records one the app did on its own, and why. */
export function backgroundRevocation(
  serverId: string,
  result: Pick<RevokeResult, 'keyId' | 'outcome' | 'code'>,
  why: string,
): BackgroundRevocation {
  const outcome = outcomes[result.outcome];
  const what =
    result.outcome === 'already_gone'
      ? 'already gone from the server'
      : result.outcome === 'pending_revocation'
        ? 'server unreachable; revoked when it answers'
        : null;
  return {
    serverId,
    keyId: result.keyId,
    outcome,
    errorCode: outcome === 'ok' ? null : (result.code ?? 'internal'),
    detail: what ? `${why}: ${what}` : why,
  };
}
