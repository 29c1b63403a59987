import { z } from 'zod';
import { builtOnFirstUse } from '../../contract/built-on-first-use';
import type { KeyKind, TokenFamily } from '../../contract/keys';
import { idTable } from '../id-table';
import { MAX_NAME_LENGTH } from '../rancher/names';
import { LIMITS } from '../rancher/schemas';
import {
  isCompactKeysFile,
  isCompactRow,
  KEYS_FILE_MAX_ROWS,
  MAX_EPOCH_SECONDS,
  MAX_FLAGS,
  MAX_HANDLE,
  MAX_LABELS,
  MAX_PREVIEW,
  MAX_ROW_NAME,
} from './key-cache-check';
import { keyIdOf } from './key-id';
import { keyRecordSchema, NO_LABELS, type KeyRecord, type ServerKeysDoc } from './key-records';

/**
 * The on-disk shape of a server's key document. Version 1 stored every record as an object with
 * every field spelled out (about 630 bytes a key: 63 MB for 100,000 keys, bench/RESULTS.md Scale);
 * version 2 stores one row (a JSON array) per key, with the server-wide strings (user and cluster
 * ids) listed once, instants as epoch seconds, the booleans as one bit field and the app's own facts
 * only where they differ from the defaults: about 80 bytes a key. Both are read; only version 2 is
 * written, so a version 1 file is rewritten on the first start that reads it.
 */

/** A keys file larger than this is not read (set aside as damaged): 2× the largest real list. */
export const KEYS_FILE_MAX_BYTES = 128 * 1024 * 1024;
export { KEYS_FILE_MAX_ROWS };

const FAMILIES: readonly TokenFamily[] = ['v3', 'ext'];
const KINDS: readonly KeyKind[] = ['api_key', 'session', 'kubeconfig', 'system'];
/** The bits of a row's flags field. */
const FLAG = {
  ext: 1,
  /** Two bits from here: the index of the kind in KINDS. */
  kindShift: 1,
  enabled: 8,
  expired: 16,
  onServer: 32,
  hasSecret: 64,
  pendingRevocation: 128,
  toolsDefault: 256,
} as const;

/**
 * zod's account of both versions, built on first use: start reads every keys file through the
 * exact check (key-cache-check.ts), so these ~130 schema instances (with the records' of version 1)
 * are needed only for a file that check refuses, a version 1 file, or a write (its header and any
 * row the check refuses); building them at load cost every start ~1.5 ms (bench/RESULTS.md,
 * "Start, sixth pass"). The same schemas, with the same checks, whenever they are built.
 */
function buildSchemas() {
  /** An instant: epoch seconds when that gives back the same text, else the text itself. */
  const timeCell = z
    .union([z.number().int().min(0).max(MAX_EPOCH_SECONDS), z.string().max(LIMITS.short)])
    .nullable();
  const nameText = z.string().max(MAX_NAME_LENGTH);

  /** The app's own facts about a key, present only where one differs from its default. */
  const localCell = z
    .object({
      /** Masked bearer. */
      p: z.string().max(MAX_PREVIEW).optional(),
      l: z.array(z.string().max(LIMITS.text)).max(MAX_LABELS).optional(),
      /** Snoozed until. */
      s: timeCell.optional(),
      /** Revoke at. */
      r: timeCell.optional(),
      /** Tools handle. */
      h: z.string().max(MAX_HANDLE).optional(),
    })
    .strict();

  /** One key: name, flags, description, user index, cluster index, created, last used, expires, ttl. */
  const row = z.tuple([
    z.string().min(1).max(MAX_ROW_NAME),
    z.number().int().min(0).max(MAX_FLAGS),
    z.string().max(LIMITS.text),
    z.number().int().min(0),
    z.number().int().min(0).nullable(),
    timeCell,
    timeCell,
    timeCell,
    z.number().nullable(),
    localCell.optional(),
  ]);

  /**
   * Version 2, as written: checked before every write and on every read (on read, a file it
   * accepts takes the exact check of key-cache-check.ts instead, which gives the same answer
   * faster).
   */
  const compactFile = z.object({
    version: z.literal(2),
    refreshedAt: z.string().max(LIMITS.short).nullable(),
    /** User ids, referred to by index (a list has one user, or a few). */
    users: z.array(nameText).max(KEYS_FILE_MAX_ROWS),
    /** Cluster ids, referred to by index. */
    clusters: z.array(nameText).max(KEYS_FILE_MAX_ROWS),
    keys: z.array(row).max(KEYS_FILE_MAX_ROWS),
  });

  /** Version 1 (up to this release): every record an object, keyed by access key. */
  const legacyFile = z.object({
    version: z.literal(1),
    refreshedAt: z.string().nullable(),
    keys: z.record(z.string(), keyRecordSchema),
  });

  /** Either version, by zod: what the exact check does not accept, with zod's account of why. */
  const anyFile = z
    .discriminatedUnion('version', [legacyFile, compactFile])
    .transform((file, ctx): KeysFileContent => {
      if (file.version === 1) {
        return { doc: { refreshedAt: file.refreshedAt, keys: idTable(file.keys) }, format: 1 };
      }
      return compactContent(file, ctx.issues);
    });

  const header = compactFile.pick({ refreshedAt: true, users: true, clusters: true });
  return { row, compactFile, anyFile, header };
}

let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());

type Row = z.infer<ReturnType<typeof buildSchemas>['row']>;

/** Version 2, as written (see {@link buildSchemas}); built on first use. */
export const compactKeysFileSchema = builtOnFirstUse(() => schemas().compactFile);
export type CompactKeysFile = z.infer<typeof compactKeysFileSchema>;

/** What reading a keys file gives: the document, and the format it was in (1 is rewritten). */
export interface KeysFileContent {
  doc: ServerKeysDoc;
  format: 1 | 2;
}

type Issues = z.core.$RefinementCtx['issues'];

/** A version 2 file as the in-memory document; a bad index or duplicate key is an issue. */
function compactContent(file: CompactKeysFile, issues: Issues): KeysFileContent | typeof z.NEVER {
  const problem = (message: string, path: PropertyKey[]) => {
    issues.push({ code: 'custom', message, input: file, path });
    return z.NEVER;
  };
  const keys = idTable<KeyRecord>();
  const rows = file.keys;
  // An index loop: `entries()` made an iterator and a pair per row (see isCompactRow).
  for (let i = 0; i < rows.length; i++) {
    const record = fromRow(rows[i]!, file.users, file.clusters);
    if (!record) return problem('refers to a user or cluster that is not listed', ['keys', i]);
    const id = keyIdOf(record.token.family, record.token.name);
    if (Object.hasOwn(keys, id)) return problem(`lists ${id} twice`, ['keys', i]);
    keys[id] = record;
  }
  return { doc: { refreshedAt: file.refreshedAt, keys }, format: 2 };
}

/**
 * Reads either version into the in-memory document; a bad index or duplicate key fails it. A
 * version 2 file that the exact check accepts skips zod's copy; anything else is parsed by zod.
 */
export const keysFileSchema = z.unknown().transform((value, ctx): KeysFileContent => {
  if (isCompactKeysFile(value)) return compactContent(value, ctx.issues);
  const parsed = schemas().anyFile.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.issues.push({ code: 'custom', message: issue.message, input: value, path: issue.path });
  }
  return z.NEVER;
});

const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function packTime(iso: string | null): number | string | null {
  if (iso === null || !ISO_SECONDS.test(iso)) return iso;
  const seconds = Date.parse(iso) / 1000;
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_EPOCH_SECONDS ? seconds : iso;
}

function unpackTime(cell: number | string | null): string | null {
  if (typeof cell !== 'number') return cell;
  return new Date(cell * 1000).toISOString().replace('.000Z', 'Z');
}

/** Index of `value` in `list`, appending it when new (`index` keeps the lookups O(1)). */
function indexIn(list: string[], index: Map<string, number>, value: string): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.push(value) - 1;
    index.set(value, at);
  }
  return at;
}

/** The server-wide ids a file lists once, filled as rows refer to them. */
function idList() {
  const list: string[] = [];
  const index = new Map<string, number>();
  return { list, at: (value: string) => indexIn(list, index, value) };
}

/** One record as a row of version 2, its ids looked up (and added) in `users` and `clusters`. */
function toRow(
  r: KeyRecord,
  users: ReturnType<typeof idList>,
  clusters: ReturnType<typeof idList>,
): Row {
  const t = r.token;
  const flags =
    (t.family === 'ext' ? FLAG.ext : 0) |
    (KINDS.indexOf(t.kind) << FLAG.kindShift) |
    (t.enabled ? FLAG.enabled : 0) |
    (t.expired ? FLAG.expired : 0) |
    (r.onServer ? FLAG.onServer : 0) |
    (r.hasSecret ? FLAG.hasSecret : 0) |
    (r.pendingRevocation ? FLAG.pendingRevocation : 0) |
    (r.toolsDefault ? FLAG.toolsDefault : 0);
  const local: NonNullable<Row[9]> = {};
  if (r.preview !== null) local.p = r.preview;
  if (r.labels.length > 0) local.l = r.labels;
  if (r.snoozedUntil !== null) local.s = packTime(r.snoozedUntil);
  if (r.revokeAt !== null) local.r = packTime(r.revokeAt);
  if (r.handle !== null) local.h = r.handle;
  const row: Row = [
    t.name,
    flags,
    // Records older than the bound on server text (issue 9 item 8) may hold longer ones.
    t.description.length > LIMITS.text
      ? `${t.description.slice(0, LIMITS.text - 1)}…`
      : t.description,
    users.at(t.userId),
    t.clusterId === null ? null : clusters.at(t.clusterId),
    packTime(t.createdAt),
    packTime(t.lastUsedAt),
    packTime(t.expiresAt),
    t.ttlMs,
  ];
  // (Checked by its members, not by listing them: this runs for every row of every write.)
  if (
    local.p !== undefined ||
    local.l !== undefined ||
    local.s !== undefined ||
    local.r !== undefined ||
    local.h !== undefined
  ) {
    row.push(local);
  }
  return row;
}

/** The in-memory document as one version 2 object (tests; the app writes it in parts). */
export function toCompactFile(doc: ServerKeysDoc): CompactKeysFile {
  const users = idList();
  const clusters = idList();
  const keys: Row[] = [];
  for (const id in doc.keys) keys.push(toRow(doc.keys[id] as KeyRecord, users, clusters));
  return {
    version: 2,
    refreshedAt: doc.refreshedAt,
    users: users.list,
    clusters: clusters.list,
    keys,
  };
}

/**
 * Rows per part of the text: large enough to write in few calls, small enough that a part (about
 * 75 KB) is an ordinary young string, not one V8 puts straight into its large-object space.
 */
const ROWS_PER_PART = 1_000;

/** One record of a document written as it will be once the write is durable. */
export interface ReplacedRecord {
  id: string;
  record: KeyRecord;
}

/**
 * The in-memory document as version 2 JSON text (with `replaced`, that record in place of the
 * one the table holds under its id), in parts made as they are asked for, every row
 * checked against the schema it is read with (by its exact check, key-cache-check.ts): a file that would not read back is never written
 * (a part that fails its check throws, and the metadata store then removes its temp file instead
 * of renaming it). The writer writes each part before asking for the next, so writing 100,000 keys
 * holds neither a copy of the document as arrays nor its text (the peaks of the previous formats,
 * bench/RESULTS.md Scale). Members are in another order than the schema's (the rows first: the
 * id lists are complete only after them); JSON does not care. Other work may run between parts:
 * nothing changes `doc` meanwhile (the key cache writes and changes a server's document, including
 * a refresh's replacements in its table, one job at a time).
 */
export async function* compactFileParts(
  doc: ServerKeysDoc,
  replaced?: ReplacedRecord,
): AsyncGenerator<string> {
  const header = schemas().header;
  const refreshedAt = header.shape.refreshedAt.parse(doc.refreshedAt);
  const users = idList();
  const clusters = idList();
  let rows: string[] = [];
  let count = 0;
  yield `{"version":2,"refreshedAt":${JSON.stringify(refreshedAt)},"keys":[`;
  for (const id in doc.keys) {
    const record = id === replaced?.id ? replaced.record : (doc.keys[id] as KeyRecord);
    // The exact check; a row it refuses goes through zod, which accepts it as before or throws
    // saying where and why.
    const made = toRow(record, users, clusters);
    const row = isCompactRow(made) ? made : schemas().row.parse(made);
    rows.push(JSON.stringify(row));
    if (++count > KEYS_FILE_MAX_ROWS) throw new Error('keys: more rows than a keys file may hold');
    if (rows.length === ROWS_PER_PART) {
      yield (count > ROWS_PER_PART ? ',\n' : '') + rows.join(',');
      rows = [];
    }
  }
  if (rows.length > 0) yield (count > ROWS_PER_PART ? ',\n' : '') + rows.join(',');
  const ids = header.parse({ refreshedAt, users: users.list, clusters: clusters.list });
  yield `],"users":${JSON.stringify(ids.users)},"clusters":${JSON.stringify(ids.clusters)}}\n`;
}

/** A row as a record, or null when it refers to a user or cluster the file does not list. */
function fromRow(row: Row, users: string[], clusters: string[]): KeyRecord | null {
  // By index, not destructured (see isCompactRow).
  const name = row[0];
  const flags = row[1];
  const description = row[2];
  const user = row[3];
  const cluster = row[4];
  const created = row[5];
  const lastUsed = row[6];
  const expires = row[7];
  const ttlMs = row[8];
  const local = row[9];
  const userId = users[user];
  const clusterId = cluster === null ? null : clusters[cluster];
  const kind = KINDS[(flags >> FLAG.kindShift) & 3];
  if (userId === undefined || clusterId === undefined || kind === undefined) return null;
  return {
    token: {
      family: FAMILIES[flags & FLAG.ext] as TokenFamily,
      name,
      kind,
      description,
      userId,
      clusterId,
      createdAt: unpackTime(created),
      lastUsedAt: unpackTime(lastUsed),
      expiresAt: unpackTime(expires),
      ttlMs,
      enabled: (flags & FLAG.enabled) !== 0,
      expired: (flags & FLAG.expired) !== 0,
    },
    onServer: (flags & FLAG.onServer) !== 0,
    hasSecret: (flags & FLAG.hasSecret) !== 0,
    preview: local?.p ?? null,
    labels: local?.l ?? NO_LABELS,
    pendingRevocation: (flags & FLAG.pendingRevocation) !== 0,
    snoozedUntil: unpackTime(local?.s ?? null),
    revokeAt: unpackTime(local?.r ?? null),
    handle: local?.h ?? null,
    toolsDefault: (flags & FLAG.toolsDefault) !== 0,
  };
}
