import { MAX_NAME_LENGTH } from '../rancher/names';
import { LIMITS } from '../rancher/schemas';
import type { CompactKeysFile } from './key-cache-format';

/**
 * The bounds of a version 2 keys file (key-cache-format.ts), and an exact check of it without zod.
 *
 * Every start reads every server's keys file, and zod's parse of 1,000 rows (each a tuple of ten
 * cells, copied as it is checked) was the largest part of the start after loading the code
 * (bench/RESULTS.md, issue 14). {@link isCompactKeysFile} accepts exactly what
 * `compactKeysFileSchema` accepts among the values `JSON.parse` can give (test/unit/core/keys/
 * key-cache-check.test.ts compares the two on many thousands of generated files); what it refuses
 * still goes through zod, which says where and why.
 */

/** The most rows a keys file may hold: two token families of the largest list Rancher sends. */
export const KEYS_FILE_MAX_ROWS = 300_000;
/** 9999-12-31T23:59:59Z: beyond it `toISOString` changes shape, so such instants stay text. */
export const MAX_EPOCH_SECONDS = 253_402_300_799;
/** Every bit a row's flags field may have set. */
export const MAX_FLAGS = 511;
/** A token's object name (Kubernetes names are shorter; ext tokens add a prefix in the id). */
export const MAX_ROW_NAME = 300;
/** A tools handle: the id of the key a renewed one replaced. */
export const MAX_HANDLE = 300;
/** Labels on one key. */
export const MAX_LABELS = 64;
/** A masked bearer: the access key, an ellipsis and a few characters of the secret. */
export const MAX_PREVIEW = 2 * MAX_NAME_LENGTH;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** zod's `.int()`: a safe integer. */
const isIndex = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): boolean =>
  v === null ||
  (typeof v === 'number' ? Number.isSafeInteger(v) && v >= 0 && v <= MAX_EPOCH_SECONDS : false) ||
  isString(v, LIMITS.short);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isStringList(v: unknown, maxItems: number, maxLength: number): v is string[] {
  if (!Array.isArray(v) || v.length > maxItems) return false;
  for (const item of v) if (!isString(item, maxLength)) return false;
  return true;
}

/** The local cell: strict, so any other member (own, as JSON.parse makes them) refuses it. */
function isLocal(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const field of Object.keys(v)) {
    const cell = v[field];
    const ok =
      field === 'p'
        ? isString(cell, MAX_PREVIEW)
        : field === 'l'
          ? isStringList(cell, MAX_LABELS, LIMITS.text)
          : field === 's' || field === 'r'
            ? isTime(cell)
            : field === 'h' && isString(cell, MAX_HANDLE);
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether one row passes the schema's row tuple (the same answer, for values `JSON.parse` can
 * give and rows the writer makes). The writer checks each row it makes with this: zod's parse of
 * 100,000 rows allocated about 300 MB of copies per write of the file (bench/RESULTS.md, Scale,
 * fifth round).
 */
export function isCompactRow(v: unknown): boolean {
  if (!Array.isArray(v) || (v.length !== 9 && v.length !== 10)) return false;
  // Read by index, not destructured: destructuring walks the array's iterator, several times
  // slower while this code is still cold, as it is when start reads every cached row once. The
  // cells: name, flags, description, user, cluster, created, last used, expires, ttl, local.
  const row = v as unknown[];
  const name = row[0];
  const flags = row[1];
  const cluster = row[4];
  const ttl = row[8];
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= MAX_ROW_NAME &&
    isIndex(flags) &&
    flags <= MAX_FLAGS &&
    isString(row[2], LIMITS.text) &&
    isIndex(row[3]) &&
    (cluster === null || isIndex(cluster)) &&
    isTime(row[5]) &&
    isTime(row[6]) &&
    isTime(row[7]) &&
    (ttl === null || (typeof ttl === 'number' && Number.isFinite(ttl))) &&
    (v.length === 9 || isLocal(v[9]))
  );
}

/**
 * Whether a value parsed from JSON is a version 2 keys file that `compactKeysFileSchema` accepts,
 * with the same answer as that schema (members it does not declare are ignored, as it strips them).
 */
export function isCompactKeysFile(value: unknown): value is CompactKeysFile {
  if (!isObject(value) || value.version !== 2) return false;
  const { refreshedAt, users, clusters, keys } = value;
  if (refreshedAt !== null && !isString(refreshedAt, LIMITS.short)) return false;
  if (!isStringList(users, KEYS_FILE_MAX_ROWS, MAX_NAME_LENGTH)) return false;
  if (!isStringList(clusters, KEYS_FILE_MAX_ROWS, MAX_NAME_LENGTH)) return false;
  if (!Array.isArray(keys) || keys.length > KEYS_FILE_MAX_ROWS) return false;
  for (const row of keys) if (!isCompactRow(row)) return false;
  return true;
}
