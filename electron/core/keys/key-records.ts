import { createHash } from 'node:crypto';
import { z } from 'zod';
import { builtOnFirstUse } from '../../contract/built-on-first-use';
import { keyKindSchema, tokenFamilySchema } from '../../contract/keys';
import type { RancherToken } from '../rancher/rancher-client';
import { idTable, type IdTable } from '../id-table';

/** A token as last seen on the server (the RancherToken fields, as stored in the cache). */
const tokenSnapshot = () =>
  z.object({
    family: tokenFamilySchema,
    name: z.string(),
    kind: keyKindSchema,
    description: z.string(),
    userId: z.string(),
    clusterId: z.string().nullable(),
    createdAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    ttlMs: z.number().nullable(),
    enabled: z.boolean(),
    expired: z.boolean(),
  });

/**
 * One key of one server, as the app remembers it: the server's last word on it plus everything
 * only the app knows (labels, whether it holds the secret, snooze, pending revocation). Parsed only
 * from version 1 keys files (key-cache-format.ts), so built on first use.
 */
export const keyRecordSchema = builtOnFirstUse(() =>
  z.object({
    token: tokenSnapshot(),
    /** The last successful refresh listed it. */
    onServer: z.boolean(),
    hasSecret: z.boolean().default(false),
    /** Masked bearer (`token-abc12:h6dp…gj4`); the secret itself never lives here. */
    preview: z.string().nullable().default(null),
    labels: z.array(z.string()).default([]),
    snoozedUntil: z.string().nullable().default(null),
    /** The user deleted it but the server could not be reached yet. */
    pendingRevocation: z.boolean().default(false),
    /** Revoke at this instant (renewal with a grace period). */
    revokeAt: z.string().nullable().default(null),
    /**
     * The name tools use for this key when it differs from its access key: set on a renewed key to
     * the handle of the key it replaced, so a kubeconfig naming the old key keeps working.
     */
    handle: z.string().max(300).nullable().default(null),
    /** The server's default key for tools (`rancher-keys token` without a key); at most one. */
    toolsDefault: z.boolean().default(false),
  }),
);
export type KeyRecord = z.infer<typeof keyRecordSchema>;

/**
 * The per-server document in memory: the cached list and the local facts, by access key
 * (null-prototype: key ids are outside text, see id-table.ts). On disk it is stored as
 * key-cache-format.ts describes.
 */
export interface ServerKeysDoc {
  refreshedAt: string | null;
  keys: IdTable<KeyRecord>;
}

export const emptyServerKeysDoc = (): ServerKeysDoc => ({ refreshedAt: null, keys: idTable() });

/** Metadata document name for a server's keys (server ids may hold characters file names cannot). */
export function serverKeysDocName(serverId: string): string {
  const slug = serverId
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 40);
  const hash = createHash('sha256').update(serverId).digest('hex').slice(0, 8);
  return `keys-${slug ? `${slug}-` : ''}${hash}`;
}

/**
 * The labels of every record (and view) without any: one shared, frozen array instead of 100,000
 * empty ones (bench/RESULTS.md Scale). Labels are replaced, never changed in place.
 */
export const NO_LABELS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A fresh record for a token first seen on the server. The record takes the token object itself
 * (tokens come fresh from the client and are never changed afterwards), so a list of 100,000 is
 * not held twice while it is merged.
 */
export function recordFor(token: RancherToken, local: Partial<KeyRecord> = {}): KeyRecord {
  return {
    token,
    onServer: true,
    hasSecret: false,
    preview: null,
    labels: NO_LABELS,
    snoozedUntil: null,
    pendingRevocation: false,
    revokeAt: null,
    handle: null,
    toolsDefault: false,
    ...local,
  };
}

/** Whether a record carries something only the app knows (so it must outlive the server's copy). */
export function isKnownLocally(record: KeyRecord): boolean {
  return (
    record.hasSecret ||
    record.labels.length > 0 ||
    record.pendingRevocation ||
    record.revokeAt !== null ||
    record.snoozedUntil !== null ||
    record.handle !== null ||
    record.toolsDefault
  );
}
