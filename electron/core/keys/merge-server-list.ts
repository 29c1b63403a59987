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
 *
 * The server lists in a stable order and the table was made from its last list, so each family's
 * listed keys are looked for first at the next table position of that family, compared as ids:
 * looking a freshly parsed name up in the table costs a probe of V8's string table each time
 * (~2.5 ms of a 20 × 200 refresh, bench/RESULTS.md, Refresh, fourth pass). A key elsewhere, or a
 * table replaced meanwhile, is looked up as before; either way the answer is the table's own entry.
 */
export function knownTokens(current: () => ServerKeysDoc): KnownToken {
  let table: ServerKeysDoc['keys'] | null = null;
  let ids: string[] = [];
  const next = { v3: 0, ext: 0 };
  return (family, name) => {
    const keys = current().keys;
    if (keys !== table) {
      table = keys;
      ids = Object.keys(keys);
      next.v3 = next.ext = 0;
    }
    const id = keyIdOf(family, name);
    let at = next[family];
    // Skip the other family's keys (the table holds v3 keys, then ext keys).
    while (at < ids.length && (ids[at] as string).startsWith('ext/') !== (family === 'ext')) at++;
    const held = ids[at];
    if (held === id) {
      next[family] = at + 1;
      // Looked up by the table's own (internalized) id string, not the parsed one.
      return ownEntry(keys, held)?.token;
    }
    return ownEntry(keys, id)?.token;
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
