import type { RancherToken } from '../rancher/rancher-client';
import { keyIdOf } from './key-id';
import { isKnownLocally, recordFor, type KeyRecord, type ServerKeysDoc } from './key-records';

/**
 * Folds a fresh server list into a server's document. Keys the server no longer lists are kept
 * (marked off-server, so they show as revoked or expired) when the app knows something about them;
 * keys it only ever saw on the server are dropped with the server's copy. A pending revocation whose
 * key has vanished is complete: it is returned in `revocationsDone` for the caller to clean up.
 */
export function mergeServerList(
  doc: ServerKeysDoc,
  tokens: readonly RancherToken[],
  refreshedAt: string,
): { doc: ServerKeysDoc; revocationsDone: string[] } {
  const keys: Record<string, KeyRecord> = {};
  for (const token of tokens) {
    const id = keyIdOf(token.family, token.name);
    const existing = doc.keys[id];
    keys[id] = existing ? { ...existing, token: { ...token }, onServer: true } : recordFor(token);
  }
  const revocationsDone: string[] = [];
  for (const [id, record] of Object.entries(doc.keys)) {
    if (id in keys) continue;
    if (record.pendingRevocation) revocationsDone.push(id);
    else if (isKnownLocally(record)) keys[id] = { ...record, onServer: false };
  }
  return { doc: { version: 1, refreshedAt, keys }, revocationsDone };
}
