import { idTable, ownEntry } from '../id-table';
import type { KeyRecord } from './key-records';

type Records = Readonly<Record<string, KeyRecord>>;

/**
 * The name tools use for a key (design: kubeconfigs survive Renew). A key is addressed by its
 * access key until it is renewed; the renewal then carries that name, so `--key token-abc12` in a
 * kubeconfig follows the key through any number of renewals.
 */
export function handleOf(keyId: string, record: Pick<KeyRecord, 'handle'>): string {
  return record.handle ?? keyId;
}

/**
 * Moves the old key's handle and default mark to its renewal, in the same document write that
 * records the new key, so a crash never leaves a kubeconfig pointing at a revoked key while its
 * renewal exists (or two keys claiming one handle).
 */
export function carryHandle(
  keys: Readonly<Record<string, KeyRecord>>,
  oldKeyId: string,
  newKeyId: string,
): Record<string, KeyRecord> {
  const old = ownEntry(keys, oldKeyId);
  const renewed = ownEntry(keys, newKeyId);
  const next = idTable(keys);
  if (!old || !renewed || oldKeyId === newKeyId) return next;
  next[newKeyId] = { ...renewed, handle: handleOf(oldKeyId, old), toolsDefault: old.toolsDefault };
  next[oldKeyId] = { ...old, handle: null, toolsDefault: false };
  return next;
}

/**
 * Finds the key a tool names: a key whose handle is `ref` (a renewal carrying an older name) wins
 * over a key whose access key is `ref` (the renewed key itself, perhaps still in its grace period).
 */
export function resolveKeyRef(
  keys: Records,
  ref: string,
): { keyId: string; record: KeyRecord } | undefined {
  for (const keyId of Object.keys(keys)) {
    const record = keys[keyId] as KeyRecord;
    if (record.handle === ref) return { keyId, record };
  }
  const own = ownEntry(keys, ref);
  return own ? { keyId: ref, record: own } : undefined;
}

/** The server's default key for tools, if one is marked. */
export function defaultKeyOf(keys: Records): { keyId: string; record: KeyRecord } | undefined {
  for (const keyId of Object.keys(keys)) {
    const record = keys[keyId] as KeyRecord;
    if (record.toolsDefault) return { keyId, record };
  }
  return undefined;
}

/** Marks `keyId` as the only default (or clears every mark when `keyId` is null). */
export function withDefault(keys: Records, keyId: string | null): Record<string, KeyRecord> {
  const next = idTable(keys);
  for (const id of Object.keys(next)) {
    const record = next[id] as KeyRecord;
    const wanted = id === keyId;
    if (record.toolsDefault !== wanted) next[id] = { ...record, toolsDefault: wanted };
  }
  return next;
}
