import type { RancherToken } from '../rancher/rancher-client';
import { sameToken, type KnownToken } from '../rancher/token-model';
import { keyIdOf } from './key-id';
import { isKnownLocally, recordFor, type KeyRecord, type ServerKeysDoc } from './key-records';
import { idTable, ownEntry } from '../id-table';

/**
 * For a list on its way (`RancherClient.listTokens`): the token the server's current record holds
 * for a listed key, so that an unchanged token is handed back as that same object and the list of
 * 100,000 is not held twice while it streams in (bench/RESULTS.md, Scale). The merge still
 * compares every listed token with the record current at merge time.
 */
export function knownTokens(current: () => ServerKeysDoc): KnownToken {
  return (family, name) => ownEntry(current().keys, keyIdOf(family, name))?.token;
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
