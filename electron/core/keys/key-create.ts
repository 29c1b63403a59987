import type { TokenFamily } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import type { RancherClient, RancherToken } from '../rancher/rancher-client';
import { refuseUntrusted } from './created-key-check';
import { keyIdOf, maskBearer } from './key-id';
import type { KeyContext } from './key-context';
import type { JournalEntry } from './key-journal';
import { carryHandle } from './key-handle';
import { recordFor, type KeyRecord } from './key-records';
import { ownEntry, withEntry } from '../id-table';

/** What to create: the server-side request plus what only the app keeps. */
export interface CreateRequest {
  serverId: string;
  op: 'create' | 'renew';
  family: TokenFamily;
  description: string;
  labels: string[];
  clusterId: string | null;
  ttlMs: number;
  oldKeyId: string | null;
  revokeOldAfterMs: number;
}

// Errors after which the server may or may not have created the token: the journal entry stays so
// that recovery can look for it.
const uncertain = new Set(['timeout', 'unreachable', 'server_error', 'internal']);

/** Fills in `expiresAt` when the server has not computed it yet (rancher-api.md §4.4, §4.6). */
async function withExpiry(client: RancherClient, token: RancherToken): Promise<RancherToken> {
  if (token.expiresAt || !token.ttlMs || token.ttlMs <= 0) return token;
  const reread = await client.getToken(token.family, token.name).catch(() => null);
  if (reread?.expiresAt) return reread;
  const created = token.createdAt ? Date.parse(token.createdAt) : NaN;
  if (Number.isNaN(created)) return token;
  const expiresAt = new Date(created + token.ttlMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { ...(reread ?? token), expiresAt };
}

/**
 * Creates a token on the server and stores its secret, crash-safely: intent in the journal, the
 * server call, the created name in the journal, the secret in the keychain, the metadata record,
 * then the journal entry cleared. A crash anywhere leaves an entry that `recoverJournal` resolves
 * (stored → completed, not stored → revoked).
 */
export async function createAndStore(
  ctx: KeyContext,
  request: CreateRequest,
  client: RancherClient,
): Promise<{ record: KeyRecord; keyId: string }> {
  const { serverId } = request;
  const entry = await ctx.journal.begin({
    serverId,
    op: request.op,
    startedAt: new Date(ctx.deps.clock.now()).toISOString(),
    family: request.family,
    description: request.description,
    labels: request.labels,
    clusterId: request.clusterId,
    oldKeyId: request.oldKeyId,
    revokeOldAfterMs: request.revokeOldAfterMs,
  });
  inFlight.add(entry.id);
  try {
    await ctx.crash('journal-intent');
    let created;
    try {
      created = await client.createToken({
        family: request.family,
        description: request.description,
        ttlMs: request.ttlMs,
        clusterId: request.clusterId,
      });
    } catch (error) {
      const code = error instanceof AppFailure ? error.code : 'internal';
      if (!uncertain.has(code)) await ctx.journal.end(entry.id);
      throw error;
    }
    await ctx.crash('server-created');
    await refuseUntrusted(ctx, request, client, created, entry.id);
    await ctx.journal.recordName(entry.id, created.token.name);
    await ctx.crash('name-recorded');
    const keyId = keyIdOf(request.family, created.token.name);
    const token = await withExpiry(client, created.token);
    try {
      await ctx.deps.secrets.set(ctx.account(serverId, keyId), created.bearer);
    } catch (error) {
      // Without its secret the new key is useless and would linger: revoke it at once.
      await client.deleteToken(request.family, created.token.name).then(
        () => ctx.journal.end(entry.id),
        () => undefined,
      );
      throw error;
    }
    await ctx.crash('secret-stored');
    let record = recordFor(token, {
      hasSecret: true,
      preview: maskBearer(keyId, created.bearer),
      labels: request.labels,
    });
    // One write holds the new key and, for a renew, the old key's revocation: once the journal
    // entry is cleared below, nothing else would remember that the old key must go.
    const revokeOldAt = new Date(ctx.deps.clock.now() + request.revokeOldAfterMs).toISOString();
    await ctx.cache.update(serverId, (doc) => {
      const old = request.oldKeyId ? ownEntry(doc.keys, request.oldKeyId) : undefined;
      record = { ...record, labels: currentLabels(request.labels, old, ownEntry(doc.keys, keyId)) };
      const keys = withEntry(doc.keys, keyId, record);
      if (request.op === 'renew' && request.oldKeyId && old) {
        keys[request.oldKeyId] =
          request.revokeOldAfterMs === 0
            ? { ...old, pendingRevocation: true }
            : { ...old, revokeAt: revokeOldAt };
      }
      return {
        ...doc,
        keys: request.oldKeyId ? carryHandle(keys, request.oldKeyId, keyId) : keys,
      };
    });
    await ctx.crash('metadata-written');
    await ctx.journal.end(entry.id);
    await ctx.crash('journal-cleared');
    return { record, keyId };
  } finally {
    inFlight.delete(entry.id);
  }
}

/**
 * The labels a new key gets, as they are when its record is written (not when the operation
 * started): a renew's are the old key's labels now, and labels set on the new key meanwhile (a
 * refresh may list it before its record is written) are kept, so an acknowledged label edit made
 * during a create or renew is never lost.
 */
function currentLabels(
  requested: readonly string[],
  old: KeyRecord | undefined,
  existing: KeyRecord | undefined,
): string[] {
  return [...new Set([...(old ? old.labels : requested), ...(existing?.labels ?? [])])];
}

/** Journal entries of operations still running in this process (recovery leaves them alone). */
const inFlight = new Set<string>();
/** Journal entries a recovery is resolving right now (a concurrent one leaves them alone). */
const recovering = new Set<string>();

/** What recovery did, for the log and for tests. */
export interface RecoveryAction {
  serverId: string;
  keyId: string;
  action: 'completed' | 'revoked';
}

// A key created by an interrupted create whose name never reached the journal is recognised by its
// family, description and creation time; clocks of client and server may differ a little.
const creationSlackMs = 5 * 60_000;

/**
 * Resolves journal entries left by a crash (or an uncertain failure): a created key whose secret
 * is in the keychain is completed (metadata, and for a renew the old key's revocation scheduled);
 * one whose secret is not is revoked. Entries stay when the keychain or the server cannot be
 * reached, to be retried on the next refresh or start.
 */
export async function recoverJournal(
  ctx: KeyContext,
  serverId?: string,
): Promise<RecoveryAction[]> {
  const { deps } = ctx;
  const actions: RecoveryAction[] = [];
  const entries = ctx.journal
    .entries()
    .filter(
      (e) =>
        !inFlight.has(e.id) &&
        !recovering.has(e.id) &&
        (serverId === undefined || e.serverId === serverId),
    );
  if (entries.length === 0) return actions;
  for (const entry of entries) recovering.add(entry.id);
  try {
    await recoverEntries(ctx, entries, actions);
  } finally {
    for (const entry of entries) recovering.delete(entry.id);
  }
  for (const action of actions) {
    deps.log.warn(
      action.action === 'revoked'
        ? 'keys: revoked a key created before a crash whose secret was never stored'
        : 'keys: completed a key creation interrupted by a crash',
      { ...action },
    );
  }
  await ctx.recordRevocations(
    actions
      .filter((a) => a.action === 'revoked')
      .map((a) => ({
        serverId: a.serverId,
        keyId: a.keyId,
        outcome: 'ok' as const,
        errorCode: null,
        detail: 'created before a crash, its secret never stored',
      })),
  );
  ctx.armRevocations();
  return actions;
}

async function recoverEntries(
  ctx: KeyContext,
  entries: readonly JournalEntry[],
  actions: RecoveryAction[],
): Promise<void> {
  const { deps } = ctx;
  // A locked keyring answers reads with null: never conclude "not stored" without this probe.
  if ((await deps.secrets.status()).status !== 'available') return;
  for (const entry of entries) {
    const exists = deps.servers.list().some((s) => s.id === entry.serverId);
    if (!exists) {
      await ctx.journal.end(entry.id);
      continue;
    }
    try {
      const client = deps.servers.clientFor(entry.serverId);
      const candidates: RancherToken[] = [];
      if (entry.name !== null) {
        const token = await client.getToken(entry.family, entry.name);
        if (token) candidates.push(token);
      } else {
        const since = Date.parse(entry.startedAt) - creationSlackMs;
        const known = ctx.cache.get(entry.serverId).keys;
        for (const token of await client.listTokens()) {
          const id = keyIdOf(token.family, token.name);
          if (
            token.family === entry.family &&
            token.kind === 'api_key' &&
            token.description === entry.description &&
            token.createdAt !== null &&
            Date.parse(token.createdAt) >= since &&
            !ownEntry(known, id)?.hasSecret
          ) {
            candidates.push(token);
          }
        }
      }
      for (const token of candidates) {
        const keyId = keyIdOf(token.family, token.name);
        const bearer = await deps.secrets.get(ctx.account(entry.serverId, keyId));
        if (bearer) {
          await ctx.cache.update(entry.serverId, (doc) => {
            const old = entry.oldKeyId ? ownEntry(doc.keys, entry.oldKeyId) : undefined;
            const existing = ownEntry(doc.keys, keyId);
            const record = recordFor(token, {
              ...existing,
              token,
              onServer: true,
              hasSecret: true,
              preview: maskBearer(keyId, bearer),
              labels: currentLabels(entry.labels, old, existing),
            });
            let keys = withEntry(doc.keys, keyId, record);
            if (entry.op === 'renew' && entry.oldKeyId && old) {
              if (old.revokeAt === null) {
                const at = Date.parse(entry.startedAt) + entry.revokeOldAfterMs;
                keys[entry.oldKeyId] = { ...old, revokeAt: new Date(at).toISOString() };
              }
              keys = carryHandle(keys, entry.oldKeyId, keyId);
            }
            return { ...doc, keys };
          });
          actions.push({ serverId: entry.serverId, keyId, action: 'completed' });
        } else {
          await client.deleteToken(token.family, token.name);
          ctx.deleted.note(entry.serverId, keyId);
          actions.push({ serverId: entry.serverId, keyId, action: 'revoked' });
        }
      }
      await ctx.journal.end(entry.id);
      ctx.changed(entry.serverId);
    } catch (error) {
      deps.log.warn('keys: journal recovery postponed', {
        serverId: entry.serverId,
        code: error instanceof AppFailure ? error.code : 'internal',
      });
    }
  }
}
