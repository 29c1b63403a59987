import type { RancherToken } from '../rancher/rancher-client';
import { keyIdOf } from './key-id';
import { isKnownLocally, recordFor, type KeyRecord, type ServerKeysDoc } from './key-records';
import { idTable, ownEntry } from '../id-table';

/** Whether the server says the same about a token as it did last time (every field we keep). */
function sameToken(a: KeyRecord['token'], b: RancherToken): boolean {
  return (
    a.name === b.name &&
    a.family === b.family &&
    a.kind === b.kind &&
    a.description === b.description &&
    a.userId === b.userId &&
    a.clusterId === b.clusterId &&
    a.createdAt === b.createdAt &&
    a.lastUsedAt === b.lastUsedAt &&
    a.expiresAt === b.expiresAt &&
    a.ttlMs === b.ttlMs &&
    a.enabled === b.enabled &&
    a.expired === b.expired
  );
}

/**
 * Folds a fresh server list into a server's document. Keys the server no longer lists are kept
 * (marked off-server, so they show as revoked or expired) when the app knows something about them;
 * keys it only ever saw on the server are dropped with the server's copy. A pending revocation whose
 * key has vanished is complete: it is returned in `revocationsDone` for the caller to clean up.
 *
 * A record the server did not change is kept as the same object, and when no record changed the
 * document keeps its `keys` object: views and the expiry scheduler key their caches on identity, so
 * an unchanged list (the usual refresh) costs no rebuilding downstream.
 */
export function mergeServerList(
  doc: ServerKeysDoc,
  tokens: readonly RancherToken[],
  refreshedAt: string,
): { doc: ServerKeysDoc; revocationsDone: string[] } {
  const keys = idTable<KeyRecord>();
  let changed = false;
  for (const token of tokens) {
    const id = keyIdOf(token.family, token.name);
    const existing = ownEntry(doc.keys, id);
    if (existing?.onServer && sameToken(existing.token, token)) {
      keys[id] = existing;
    } else {
      keys[id] = existing ? { ...existing, token, onServer: true } : recordFor(token);
      changed = true;
    }
  }
  const revocationsDone: string[] = [];
  for (const id in doc.keys) {
    if (Object.hasOwn(keys, id)) continue;
    const record = doc.keys[id] as KeyRecord;
    if (record.pendingRevocation) revocationsDone.push(id);
    else if (isKnownLocally(record) && !record.onServer) {
      keys[id] = record;
      continue;
    } else if (isKnownLocally(record)) keys[id] = { ...record, onServer: false };
    changed = true;
  }
  // Every record reused, none added, none dropped: the old `keys` object stands.
  return { doc: { refreshedAt, keys: changed ? keys : doc.keys }, revocationsDone };
}
