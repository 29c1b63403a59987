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
  return (family, name) => {
    const keys = current().keys;
    const id = keyIdOf(family, name);
    // A null-prototype table inherits nothing, so one lookup is an own-entry lookup (each listed
    // name is a fresh string: every lookup of it is a string-table probe, two with `ownEntry`).
    return (Object.getPrototypeOf(keys) === null ? keys[id] : ownEntry(keys, id))?.token;
  };
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
 *
 * With `inPlace`, a list that only changes records of keys the table holds (the usual refresh of a
 * large list: the sign-in key's last use changed) replaces them in `doc.keys` itself instead of
 * copying a table of 100,000 entries (bench/RESULTS.md, Scale, fifth round); the returned document
 * is still a new object, which is how the view cache notices. Only for a caller that owns the
 * table (the key cache's refetchable update): a snapshot of it does not stay as it was.
 */
export function mergeServerList(
  doc: ServerKeysDoc,
  tokens: readonly RancherToken[],
  refreshedAt: string,
  options: { inPlace?: boolean } = {},
): { doc: ServerKeysDoc; revocationsDone: string[] } {
  if (options.inPlace) {
    const replaced = replacedRecords(doc, tokens);
    if (replaced !== null) {
      for (const [id, record] of replaced) doc.keys[id] = record;
      return { doc: { refreshedAt, keys: doc.keys }, revocationsDone: [] };
    }
  }
  const keys = idTable<KeyRecord>();
  let changed = false;
  for (const token of tokens) {
    const id = keyIdOf(token.family, token.name);
    const existing = ownEntry(doc.keys, id);
    if (existing?.onServer && sameToken(existing.token, token)) {
      keys[id] = existing;
    } else {
      keys[id] = existing ? mergedRecord(existing, token) : recordFor(token);
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

const mergedRecord = (existing: KeyRecord, token: RancherToken): KeyRecord => ({
  ...existing,
  token,
  onServer: true,
});

/**
 * The records a list changes when it lists exactly the keys of the table, in the table's order,
 * each on the server already (so the table keeps its keys and their order: the server lists in a
 * stable order, and the table was made from its last list); null when it does anything else
 * (adds, drops, reorders, lists a key twice, brings one back to the server), which the copying
 * merge handles. Compared in step with the table, so no set of 100,000 ids is made to check it.
 */
function replacedRecords(
  doc: ServerKeysDoc,
  tokens: readonly RancherToken[],
): Array<[string, KeyRecord]> | null {
  const replaced: Array<[string, KeyRecord]> = [];
  let i = 0;
  for (const id in doc.keys) {
    const token = tokens[i++];
    if (token === undefined || keyIdOf(token.family, token.name) !== id) return null;
    const existing = doc.keys[id] as KeyRecord;
    if (!existing.onServer) return null;
    if (!sameToken(existing.token, token)) replaced.push([id, mergedRecord(existing, token)]);
  }
  return i === tokens.length ? replaced : null;
}
