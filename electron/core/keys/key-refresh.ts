import { AppFailure, toAppError } from '../app-failure';
import { recoverJournal } from './key-create';
import type { KeyContext } from './key-context';
import { keyIdOf } from './key-id';
import { backgroundRevocation, forgetKey, retryRevocations } from './key-revoke';
import { mergeServerList, knownTokens } from './merge-server-list';
import { lookAtKeychain, reconcileSecrets, type KeychainLook } from './reconcile-secrets';
import { ownEntry } from '../id-table';

/** How long refreshes that keep overlapping share one look at the keychain. */
const LOOK_MAX_AGE_MS = 10_000;

export interface RefreshResult {
  serverId: string;
  ok: boolean;
  message: string | null;
}

/** Rejects with `timeout` when `work` takes longer than `ms` (wall time: it bounds network I/O). */
export function bounded<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppFailure('timeout', message)), ms);
    timer.unref?.();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Refreshes servers' key lists, all concurrently, each bounded by its own timeout, so one dead
 * server delays no other. Keeps track of which lists are being refreshed or failed (stale).
 */
export function createRefresher(ctx: KeyContext) {
  const inFlight = new Map<string, Promise<RefreshResult>>();
  const failed = new Set<string>();
  const reconciled = new Set<string>();
  // One look at the keychain for all the servers being refreshed at once (reconcile-secrets.ts),
  // taken by the first that needs it and forgotten when no refresh is under way, or after
  // LOOK_MAX_AGE_MS of refreshes that keep overlapping (real time: it paces keychain I/O).
  let look: { at: number; accounts: Promise<KeychainLook | null> } | null = null;
  const lookNow = () => {
    const now = performance.now();
    if (!look || now - look.at > LOOK_MAX_AGE_MS)
      look = { at: now, accounts: lookAtKeychain(ctx.deps) };
    return look.accounts;
  };

  /**
   * Learns the server's cluster names for scoped keys. A failure leaves the ids shown and the
   * refresh a success: the keys themselves were listed.
   */
  async function learnClusterNames(serverId: string, limit: number): Promise<void> {
    try {
      const clusters = await bounded(
        ctx.deps.servers.clientFor(serverId).clusters(),
        limit,
        'The cluster list took too long.',
      );
      ctx.clusterNames.set(serverId, clusters);
    } catch (error) {
      ctx.deps.log.info('keys: cluster names unavailable', {
        serverId,
        code: toAppError(error).code,
      });
    }
  }

  async function run(serverId: string, reconcile: boolean): Promise<RefreshResult> {
    const { deps } = ctx;
    let server;
    try {
      server = deps.servers.get(serverId);
    } catch (error) {
      // Removed since the refresh was asked for: nothing to refresh, nothing to reject.
      return { serverId, ok: false, message: toAppError(error).message };
    }
    const limit = deps.refreshTimeoutMs ?? (server.timeoutMs ?? 30_000) + 2_000;
    try {
      if (!server.signedIn) {
        throw new AppFailure('unauthorized', `Sign in to ${server.name} to see its keys.`);
      }
      const startedAt = ctx.deleted.now();
      const listed = await bounded(
        deps.servers.clientFor(serverId).listTokens(knownTokens(() => ctx.cache.get(serverId))),
        limit,
        `${server.name} did not answer within ${Math.round(limit / 1000)} s; showing the keys it listed last.`,
      );
      // A key deleted while the list was on its way is not brought back by it. (None deleted
      // since: the list itself, not a copy of 100,000.)
      const tokens =
        ctx.deleted.now() === startedAt
          ? listed
          : listed.filter(
              (t) => !ctx.deleted.deletedSince(serverId, keyIdOf(t.family, t.name), startedAt),
            );
      ctx.deleted.prune(serverId, startedAt);
      let done: string[] = [];
      let before = ctx.cache.get(serverId);
      // The list is available as soon as it is merged; its write waits for the burst to pass.
      // The cache owns the table, so records the list only replaces are replaced in it (a merge
      // that drops keys, which `before` is read for, makes a new table).
      await ctx.cache.updateRefetchable(serverId, (doc) => {
        before = doc;
        const merged = mergeServerList(doc, tokens, new Date(deps.clock.now()).toISOString(), {
          inPlace: true,
        });
        done = merged.revocationsDone;
        return merged.doc;
      });
      for (const keyId of done) {
        // The merge already dropped the record, so its secret is looked up in the list before it.
        if (ownEntry(before.keys, keyId)?.hasSecret)
          await deps.secrets.delete(ctx.account(serverId, keyId)).catch(() => undefined);
        await forgetKey(ctx, serverId, keyId).catch(() => undefined);
      }
      // A pending revocation (one that could not reach the server, or was cut short by a crash)
      // whose key the server no longer lists is complete.
      await ctx.recordRevocations(
        done.map((keyId) =>
          backgroundRevocation(
            serverId,
            { keyId, outcome: 'already_gone', code: null },
            'pending revocation completed',
          ),
        ),
      );
      if (tokens.some((t) => t.clusterId !== null)) await learnClusterNames(serverId, limit);
      failed.delete(serverId);
      deps.servers.noteOutcome(serverId, { ok: true });
      await retryRevocations(ctx, serverId).catch(() => undefined);
      await recoverJournal(ctx, serverId).catch(() => undefined);
      // Records and keychain are compared on the first refresh of each server after start and
      // whenever the user asks for a refresh (one keychain listing: not on every timed refresh).
      if (reconcile || !reconciled.has(serverId)) {
        reconciled.add(serverId);
        await reconcileSecrets(ctx, serverId, lookNow()).catch((error: unknown) =>
          deps.log.warn('keys: could not compare key records with the keychain', {
            serverId,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      return { serverId, ok: true, message: null };
    } catch (error) {
      failed.add(serverId);
      const appError = toAppError(error);
      deps.servers.noteOutcome(serverId, {
        ok: false,
        code: appError.code,
        message: appError.message,
      });
      deps.log.info('keys: refresh failed', { serverId, code: appError.code });
      return { serverId, ok: false, message: appError.message };
    }
  }

  return {
    /**
     * Refreshes one server; concurrent calls share the same run. `afterTurn` starts the work on
     * the event loop's next turn (the list counts as being refreshed at once): at start, list
     * requests already waiting are answered from the cache before the refresh loads the HTTP
     * client and builds its requests.
     */
    refresh(
      serverId: string,
      options: { afterTurn?: boolean; reconcile?: boolean } = {},
    ): Promise<RefreshResult> {
      const running = inFlight.get(serverId);
      if (running) return running;
      const reconcile = options.reconcile ?? false;
      const started = options.afterTurn
        ? new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(serverId, reconcile))
        : run(serverId, reconcile);
      const job = started.finally(() => {
        inFlight.delete(serverId);
        if (inFlight.size === 0) look = null;
        ctx.changed(serverId);
      });
      inFlight.set(serverId, job);
      return job;
    },
    isStale: (serverId: string) => inFlight.has(serverId) || failed.has(serverId),
    /** Resolves when every refresh under way has finished. */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}
