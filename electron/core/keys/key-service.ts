import type { ExpiryChoice, KeyView } from '../../contract/keys';
import type { Output, ParsedInput } from '../../contract/ipc';
import { AppFailure } from '../app-failure';
import { createClipboardGuard } from './clipboard-guard';
import { formatCopy, publicFormats } from './copy-format';
import { createKeyCache } from './key-cache';
import { createKeyContext, type KeyServiceDeps } from './key-context';
import { createAndStore, recoverJournal, type RecoveryAction } from './key-create';
import { parseKeyId } from './key-id';
import { importKey } from './key-import';
import { createKeyJournal } from './key-journal';
import { createRefresher } from './key-refresh';
import { nextRevocationAt, retryRevocations, revokeKeys } from './key-revoke';
import { createKeyViewCache } from './key-view-cache';
import { secretAccount } from '../vault/secret-store';

export type { KeyServiceDeps, CrashStep } from './key-context';

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
  /** Every visible API key of every server (merged views), for expiry. */
  allKeys(): ServerKeyView[];
  /** Keys of a server that are expiring or expired and not snoozed. */
  nearExpiryCount(serverId: string): number;
  onChange(listener: (serverId: string) => void): () => void;
}

const DAY = 24 * 3_600_000;

function describeDuration(ms: number): string {
  return ms % DAY === 0 ? `${ms / DAY} days` : `${Math.round(ms / 60_000)} minutes`;
}

/** The requested lifetime for an expiry choice, checked against the server's maximum. */
function requestedTtl(
  choice: ExpiryChoice,
  server: { name: string; maxTtlMs: number | null },
): { ttlMs: number; requested: number | null } {
  if (choice.kind === 'never') {
    if (server.maxTtlMs !== null) {
      throw new AppFailure(
        'invalid_input',
        `${server.name} does not allow keys that never expire (its maximum is ${describeDuration(server.maxTtlMs)}). Choose "maximum allowed" or a shorter expiry.`,
      );
    }
    return { ttlMs: 0, requested: null };
  }
  if (choice.kind === 'max') {
    if (server.maxTtlMs === null) {
      throw new AppFailure(
        'invalid_input',
        `${server.name} sets no maximum key lifetime. Choose "never" or a duration.`,
      );
    }
    return { ttlMs: server.maxTtlMs, requested: server.maxTtlMs };
  }
  return { ttlMs: choice.ms, requested: choice.ms };
}

function isClamped(requested: number | null, granted: number | null): boolean {
  if (requested === null) return granted !== null;
  return granted !== null && granted < requested;
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
      for (const listener of listeners) listener(serverId);
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
  const guard = createClipboardGuard({
    clipboard: deps.clipboard,
    clock,
    log: deps.log,
    clearAfterMs: () => deps.settings.get().clipboardClearMs,
  });

  const views = createKeyViewCache({
    cache,
    clock,
    expiringWithinMs: () => ctx.expiringWithinMs(),
    signInKeyId: (serverId) => servers.get(serverId).signInKeyId,
  });

  function requireRecord(serverId: string, keyId: string) {
    const record = cache.get(serverId).keys[keyId];
    if (!record) ctx.view(serverId, keyId);
    return record!;
  }

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
      guard.stop();
    },
    list(input) {
      const serverId = input.serverId ?? servers.activeId();
      if (serverId === null) return { serverId: null, keys: [], refreshedAt: null, stale: false };
      servers.get(serverId);
      const includeSystem = input.includeSystem ?? deps.settings.get().showSystemTokens;
      const doc = cache.get(serverId);
      const keys = views.sorted(serverId, includeSystem);
      return {
        serverId,
        keys,
        refreshedAt: doc.refreshedAt,
        stale: refresher.isStale(serverId) || doc.refreshedAt === null,
      };
    },
    async refresh(serverId) {
      const ids = serverId ? [servers.get(serverId).id] : serverIds();
      return { results: await Promise.all(ids.map((id) => refresher.refresh(id))) };
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
    async create(input) {
      const server = servers.get(input.serverId);
      if (input.family === 'ext' && !server.tokenApis.ext) {
        throw new AppFailure(
          'invalid_input',
          `${server.name} has no ext tokens (they need Rancher 2.12 or later). Create a v3 key instead.`,
        );
      }
      const { ttlMs, requested } = requestedTtl(input.expiry, server);
      const client = servers.clientFor(input.serverId);
      await ctx.requireKeychain();
      const { record, keyId } = await createAndStore(
        ctx,
        {
          serverId: input.serverId,
          op: 'create',
          family: input.family,
          description: input.description,
          labels: [...new Set(input.labels)],
          clusterId: input.clusterId,
          ttlMs,
          oldKeyId: null,
          revokeOldAfterMs: 0,
        },
        client,
      );
      ctx.changed(input.serverId);
      const granted = record.token.ttlMs && record.token.ttlMs > 0 ? record.token.ttlMs : null;
      return {
        key: ctx.view(input.serverId, keyId),
        endpoint: `${server.origin}/v3`,
        requestedTtlMs: requested,
        grantedTtlMs: granted,
        clamped: isClamped(requested, granted),
      };
    },
    import: (input) => importKey(ctx, input),
    async setLabels(input) {
      requireRecord(input.serverId, input.keyId);
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
          const keys = { ...doc.keys };
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
    async renew(input) {
      const server = servers.get(input.serverId);
      const old = requireRecord(input.serverId, input.keyId);
      if (input.keyId === server.signInKeyId) {
        throw new AppFailure(
          'conflict',
          `This key is how Rancher Keys signs in to ${server.name}; renewing it would revoke the sign-in. Sign in with another key first.`,
        );
      }
      if (!old.onServer) {
        throw new AppFailure(
          'conflict',
          `Key ${input.keyId} is no longer on ${server.name}; there is nothing to renew. Create a new key instead.`,
        );
      }
      const client = servers.clientFor(input.serverId);
      await ctx.requireKeychain();
      const requested = old.token.ttlMs && old.token.ttlMs > 0 ? old.token.ttlMs : null;
      const { record, keyId } = await createAndStore(
        ctx,
        {
          serverId: input.serverId,
          op: 'renew',
          family: old.token.family,
          description: old.token.description,
          labels: old.labels,
          clusterId: old.token.clusterId,
          ttlMs: requested ?? 0,
          oldKeyId: input.keyId,
          revokeOldAfterMs: input.revokeOldAfterMs,
        },
        client,
      );
      let oldRevokeAt: string | null = null;
      if (input.revokeOldAfterMs === 0) {
        await revokeKeys(ctx, input.serverId, [input.keyId]);
      } else {
        oldRevokeAt = new Date(clock.now() + input.revokeOldAfterMs).toISOString();
        await cache.updateRecord(input.serverId, input.keyId, (r) => ({
          ...r,
          revokeAt: oldRevokeAt,
        }));
        ctx.armRevocations();
      }
      ctx.changed(input.serverId);
      const granted = record.token.ttlMs && record.token.ttlMs > 0 ? record.token.ttlMs : null;
      return {
        key: ctx.view(input.serverId, keyId),
        oldKeyId: input.keyId,
        oldRevokeAt,
        clamped: isClamped(requested, granted),
      };
    },
    async update(input) {
      const record = requireRecord(input.serverId, input.keyId);
      const { family, name } = parseKeyId(input.keyId);
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
    async copy(input) {
      const server = servers.get(input.serverId);
      const record = cache.get(input.serverId).keys[input.keyId];
      const isSignIn = input.keyId === server.signInKeyId;
      if (!record && !isSignIn) ctx.view(input.serverId, input.keyId);
      let bearer: string | null = null;
      if (!publicFormats.has(input.format)) {
        if (!isSignIn && !record?.hasSecret) {
          throw new AppFailure(
            'not_found',
            `Rancher Keys does not hold the secret of ${input.keyId}: it was created elsewhere, and Rancher shows a secret only once. Import it if you have it, or create a new key.`,
          );
        }
        const account = isSignIn
          ? secretAccount(server.origin, '@login')
          : ctx.account(input.serverId, input.keyId);
        bearer = await deps.secrets.get(account);
        if (!bearer) {
          await ctx.requireKeychain();
          throw new AppFailure(
            'not_found',
            `The secret of ${input.keyId} is no longer in the keychain (was it removed outside Rancher Keys?). Import the key again or create a new one.`,
          );
        }
      }
      const text = formatCopy(input.format, { origin: server.origin, keyId: input.keyId, bearer });
      const clearsInMs = await guard.write(text);
      return { format: input.format, clearsInMs };
    },
    async snooze(input) {
      requireRecord(input.serverId, input.keyId);
      await cache.updateRecord(input.serverId, input.keyId, (r) => ({
        ...r,
        snoozedUntil: input.until,
      }));
      ctx.changed(input.serverId);
      return ctx.view(input.serverId, input.keyId);
    },
    allKeys() {
      const out: ServerKeyView[] = [];
      for (const server of servers.list()) {
        for (const key of views.viewsOf(server.id)) {
          if (key.kind === 'api_key')
            out.push({ serverId: server.id, serverName: server.name, key });
        }
      }
      return out;
    },
    nearExpiryCount: (serverId) => views.nearExpiryCount(serverId),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}
