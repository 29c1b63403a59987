import type { KeyView } from '../../contract/keys';
import type { Output, ParsedInput } from '../../contract/ipc';
import { AppFailure } from '../app-failure';
import { createKeyCache } from './key-cache';
import { createKeyContext, type KeyServiceDeps } from './key-context';
import { createKeyCopier } from './key-copy';
import { recoverJournal, type RecoveryAction } from './key-create';
import { withDefault } from './key-handle';
import { importKey } from './key-import';
import { createKeyJournal } from './key-journal';
import { createKey, renewKey } from './key-issue';
import { createRefresher } from './key-refresh';
import { nextRevocationAt, retryRevocations, revokeKeys } from './key-revoke';
import { createKeyViewCache, type KeyInstants } from './key-view-cache';
import { idTable, ownEntry } from '../id-table';

export type { KeyServiceDeps, CrashStep } from './key-context';
export type { KeyInstants } from './key-view-cache';

/** A key of a server, for the expiry scheduler and the tray. */
export interface ServerKeyView {
  serverId: string;
  serverName: string;
  key: KeyView;
}

/** Key lifecycle over the server and the keychain (issue 4 §4). */
export interface KeyService {
  /**
   * Loads the journal and every server's cached list, then recovers interrupted creates. With
   * `recoverInBackground` it resolves as soon as the lists are loaded (and returns no actions):
   * recovery probes the keychain and calls servers, which must not hold back the cached list; it
   * then runs on the next turn, and {@link KeyService.idle} waits for it.
   */
  start(options?: { recoverInBackground?: boolean }): Promise<RecoveryAction[]>;
  stop(): void;
  list(input: ParsedInput<'keys:list'>): Output<'keys:list'>;
  refresh(serverId?: string): Promise<Output<'keys:refresh'>>;
  /** Refreshes every server in the background (errors are recorded, not thrown). */
  refreshInBackground(): void;
  /**
   * Resolves when background recovery, refreshes and timed revocations have finished and the
   * refreshed lists are written (stop, tests, benchmarks).
   */
  idle(): Promise<void>;
  create(input: ParsedInput<'keys:create'>): Promise<Output<'keys:create'>>;
  import(input: ParsedInput<'keys:import'>): Promise<KeyView>;
  setLabels(input: ParsedInput<'keys:setLabels'>): Promise<KeyView>;
  renameLabel(input: ParsedInput<'labels:rename'>): Promise<number>;
  renew(input: ParsedInput<'keys:renew'>): Promise<Output<'keys:renew'>>;
  update(input: ParsedInput<'keys:update'>): Promise<KeyView>;
  delete(input: ParsedInput<'keys:delete'>): Promise<Output<'keys:delete'>>;
  copy(input: ParsedInput<'keys:copy'>): Promise<Output<'keys:copy'>>;
  snooze(input: ParsedInput<'keys:snooze'>): Promise<KeyView>;
  /** Marks a key as the server's default for tools, or clears the mark. */
  setDefault(input: ParsedInput<'keys:setDefault'>): Promise<KeyView>;
  /**
   * Visits every API key of every server (merged views), for expiry, with the key's instants
   * already parsed (`instants` is one object reused for every visit: read it during the visit
   * only). A visit, not a list: the scheduler goes through 100,000 keys after each change, and a
   * list of that many wrappers, or a parsed copy of each key's instants, outlives young-generation
   * collections (bench/RESULTS.md, Scale).
   */
  eachKey(
    visit: (serverId: string, serverName: string, key: KeyView, instants: KeyInstants) => void,
  ): void;
  /** Keys of a server that are expiring or expired and not snoozed. */
  nearExpiryCount(serverId: string): number;
  onChange(listener: (serverId: string) => void): () => void;
}

export function createKeyService(deps: KeyServiceDeps): KeyService {
  const { servers, clock } = deps;
  const cache = createKeyCache(deps.metadata, { log: deps.log });
  const journal = createKeyJournal(deps.metadata);
  const listeners = new Set<(serverId: string) => void>();
  let cancelRevocationTimer: (() => void) | null = null;
  let stopped = false;
  let revoking: Promise<void> = Promise.resolve();
  let recovering: Promise<unknown> = Promise.resolve();
  const retryDelayMs = deps.retryDelayMs ?? 60_000;
  const serverIds = () => servers.list().map((s) => s.id);

  const ctx = createKeyContext(deps, cache, journal, {
    changed(serverId) {
      deps.emit('keys:changed', { serverId });
      // A listener's failure (the server was removed meanwhile) must not fail the key operation
      // or the background task that reported the change.
      for (const listener of listeners) {
        try {
          listener(serverId);
        } catch (error) {
          deps.log.warn('keys: a change listener failed', {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    armRevocations() {
      cancelRevocationTimer?.();
      cancelRevocationTimer = null;
      if (stopped) return;
      const next = nextRevocationAt(ctx, serverIds());
      if (next === null) return;
      const now = clock.now();
      // Due already (a pending revocation, or a retry after a failure): wait before trying again.
      const delay = next <= now ? retryDelayMs : next - now;
      cancelRevocationTimer = clock.setTimer(() => {
        cancelRevocationTimer = null;
        revoking = Promise.allSettled(serverIds().map((id) => retryRevocations(ctx, id))).then(() =>
          ctx.armRevocations(),
        );
      }, delay);
    },
  });
  const refresher = createRefresher(ctx);
  const copier = createKeyCopier(ctx);

  const views = createKeyViewCache({
    cache,
    clock,
    expiringWithinMs: () => ctx.expiringWithinMs(),
    signInKeyId: (serverId) => servers.get(serverId).signInKeyId,
    clusterNames: ctx.clusterNames,
  });

  const service: KeyService = {
    async start(options = {}) {
      stopped = false;
      await journal.load();
      await Promise.all(serverIds().map((id) => cache.load(id)));
      const recover = async () => {
        const actions = await recoverJournal(ctx).catch(() => []);
        ctx.armRevocations();
        return actions;
      };
      if (!options.recoverInBackground) return recover();
      recovering = new Promise<void>((resolve) => setImmediate(resolve))
        .then(recover)
        .catch((error: unknown) =>
          deps.log.warn('keys: journal recovery failed; it is retried on the next refresh', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      return [];
    },
    stop() {
      stopped = true;
      cancelRevocationTimer?.();
      cancelRevocationTimer = null;
      copier.stop();
    },
    list(input) {
      const serverId = input.serverId ?? servers.activeId();
      if (serverId === null) {
        return { serverId: null, keys: [], total: 0, revision: 0, refreshedAt: null, stale: false };
      }
      servers.get(serverId);
      const includeSystem = input.includeSystem ?? deps.settings.get().showSystemTokens;
      const doc = cache.get(serverId);
      const { keys, revision } = views.sorted(serverId, includeSystem);
      const offset = input.offset ?? 0;
      return {
        serverId,
        // Only the window asked for is copied (and checked on its way out by the dispatcher).
        keys: keys.slice(offset, input.limit === undefined ? undefined : offset + input.limit),
        total: keys.length,
        revision,
        refreshedAt: doc.refreshedAt,
        stale: refresher.isStale(serverId) || doc.refreshedAt === null,
      };
    },
    async refresh(serverId) {
      const ids = serverId ? [servers.get(serverId).id] : serverIds();
      // Each server after the first starts on a turn of its own, so its requests are written to
      // the network as soon as they are built; started together, no request left before all of
      // them were built, a few ms after the first (bench/RESULTS.md, "Refresh, fifth pass").
      return {
        results: await Promise.all(
          ids.map((id, i) => refresher.refresh(id, { reconcile: true, afterTurn: i > 0 })),
        ),
      };
    },
    refreshInBackground() {
      for (const id of serverIds()) void refresher.refresh(id, { afterTurn: true });
    },
    async idle() {
      await recovering;
      await refresher.idle();
      await revoking;
      await cache.flush();
    },
    create: (input) => createKey(ctx, input),
    import: (input) => importKey(ctx, input),
    async setLabels(input) {
      ctx.record(input.serverId, input.keyId);
      await cache.updateRecord(input.serverId, input.keyId, (r) => ({
        ...r,
        labels: [...new Set(input.labels)],
      }));
      ctx.changed(input.serverId);
      return ctx.view(input.serverId, input.keyId);
    },
    async renameLabel(input) {
      let renamed = 0;
      const ids = input.serverId ? [servers.get(input.serverId).id] : serverIds();
      for (const serverId of ids) {
        let count = 0;
        await cache.update(serverId, (doc) => {
          const keys = idTable(doc.keys);
          for (const [id, r] of Object.entries(keys)) {
            if (!r.labels.includes(input.from)) continue;
            keys[id] = {
              ...r,
              labels: [...new Set(r.labels.map((l) => (l === input.from ? input.to : l)))],
            };
            count++;
          }
          return { ...doc, keys };
        });
        renamed += count;
        if (count > 0) ctx.changed(serverId);
      }
      return renamed;
    },
    renew: (input) => renewKey(ctx, input),
    async update(input) {
      const record = ctx.record(input.serverId, input.keyId);
      const { family, name } = record.token;
      if (family !== 'ext') {
        throw new AppFailure(
          'invalid_input',
          'Rancher cannot change a v3 key after it was created (its API has no update). Renew it to get a key with new settings, or create an ext key (Rancher 2.12+), which can be changed.',
        );
      }
      const patch: { description?: string; enabled?: boolean; ttlMs?: number } = {};
      if (input.description !== undefined) patch.description = input.description;
      if (input.enabled !== undefined) patch.enabled = input.enabled;
      if (input.expiresAt !== undefined) {
        const target = Date.parse(input.expiresAt);
        const current = record.token.expiresAt ? Date.parse(record.token.expiresAt) : Infinity;
        const created = record.token.createdAt ? Date.parse(record.token.createdAt) : NaN;
        if (target >= current) {
          throw new AppFailure(
            'invalid_input',
            "Rancher only lets you shorten a key's lifetime. Pick an expiry earlier than the current one, or renew the key.",
          );
        }
        if (target <= clock.now()) {
          throw new AppFailure(
            'invalid_input',
            'Pick an expiry in the future; to stop a key now, disable or delete it.',
          );
        }
        if (Number.isNaN(created)) {
          throw new AppFailure(
            'conflict',
            "The key's creation time is unknown; refresh and retry.",
          );
        }
        patch.ttlMs = target - created;
      }
      const token = await servers.clientFor(input.serverId).updateExtToken(name, patch);
      await cache.updateRecord(input.serverId, input.keyId, (r) => ({ ...r, token: { ...token } }));
      ctx.changed(input.serverId);
      return ctx.view(input.serverId, input.keyId);
    },
    async delete(input) {
      servers.get(input.serverId);
      return { results: await revokeKeys(ctx, input.serverId, input.keyIds) };
    },
    copy: (input) => copier.copy(input),
    async snooze(input) {
      ctx.record(input.serverId, input.keyId);
      await cache.updateRecord(input.serverId, input.keyId, (r) => ({
        ...r,
        snoozedUntil: input.until,
      }));
      ctx.changed(input.serverId);
      return ctx.view(input.serverId, input.keyId);
    },
    async setDefault(input) {
      const view = ctx.view(input.serverId, input.keyId);
      if (input.isDefault && (!view.hasSecret || view.kind !== 'api_key')) {
        throw new AppFailure(
          'invalid_input',
          `Rancher Keys does not hold the secret of ${input.keyId}, so tools could not use it. Pick a key whose secret Rancher Keys holds.`,
        );
      }
      await cache.update(input.serverId, (doc) => {
        const current = ownEntry(doc.keys, input.keyId);
        if (!input.isDefault && !current?.toolsDefault) return doc;
        return { ...doc, keys: withDefault(doc.keys, input.isDefault ? input.keyId : null) };
      });
      ctx.changed(input.serverId);
      return ctx.view(input.serverId, input.keyId);
    },
    eachKey(visit) {
      for (const server of servers.list()) {
        views.each(server.id, (key, instants) => {
          if (key.kind === 'api_key') visit(server.id, server.name, key, instants);
        });
      }
    },
    nearExpiryCount: (serverId) => views.nearExpiryCount(serverId),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}
