import { isRancherName } from './names';
import { LIMITS, type ExtTokenBody, type V3TokenBody } from './schemas';

/**
 * Exact checks of listed token items, without zod.
 *
 * A refresh reads every token of every server (20 × 200 in the bench), and zod's parse of each item
 * (an object parser run per field, and a stripped copy of the item) was a fifth of what the core
 * added to a refresh (bench/RESULTS.md, "Refresh, third pass"). {@link isExactV3Token} and
 * {@link isExactExtToken} accept an item only where `v3TokenSchema` / `extTokenSchema` accept it
 * and their output holds the same values in every field they declare (a description over
 * `LIMITS.text`, which zod cuts, is not accepted here, so it goes through zod); the item itself is
 * then read in place of zod's copy (token-model.ts reads only declared fields). Everything else
 * goes through zod as before, which keeps its errors and the skip of bad items. Only values
 * `JSON.parse` gives are checked this way. test/unit/core/rancher/token-check.test.ts compares the
 * checks with zod on many thousands of generated items, and their field tables with the schemas'.
 */

type Cell = (value: unknown) => boolean;
type Fields = Readonly<Record<string, Cell>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === null || v === undefined;

/** `text`: a short string, null or absent. */
const text: Cell = (v) => absent(v) || (typeof v === 'string' && v.length <= LIMITS.short);
/** `prose` where zod's cut leaves it unchanged: a string of at most `LIMITS.text`, null or absent. */
const prose: Cell = (v) => absent(v) || (typeof v === 'string' && v.length <= LIMITS.text);
/** `nameOrEmpty`: '', an object name, null or absent. */
const nameOrEmpty: Cell = (v) =>
  absent(v) || (typeof v === 'string' && (v === '' || isRancherName(v)));
const name: Cell = (v) => typeof v === 'string' && isRancherName(v);
/** zod's number: finite (JSON's `1e400` is Infinity). */
const finite: Cell = (v) => typeof v === 'number' && Number.isFinite(v);
const flag: Cell = (v) => absent(v) || typeof v === 'boolean';
const bearer: Cell = (v) => absent(v) || (typeof v === 'string' && v.length <= LIMITS.bearer);

function hasFields(value: unknown, fields: Fields): boolean {
  if (!isObject(value)) return false;
  for (const field in fields) if (!(fields[field] as Cell)(value[field])) return false;
  return true;
}
const nullishObject =
  (fields: Fields): Cell =>
  (v) =>
    absent(v) || hasFields(v, fields);
const object =
  (fields: Fields): Cell =>
  (v) =>
    hasFields(v, fields);

/** `tokenLabels`' fields (other labels are ignored, whatever their type). */
export const tokenLabelFields: Fields = {
  'authn.management.cattle.io/kind': text,
  'cattle.io/user-id': nameOrEmpty,
};

/** Each field of `v3TokenSchema` and what the check accepts in it. */
export const v3TokenFields: Fields = {
  name,
  description: prose,
  userId: nameOrEmpty,
  clusterId: nameOrEmpty,
  created: text,
  lastUsedAt: text,
  expiresAt: text,
  ttl: finite,
  enabled: flag,
  expired: flag,
  isDerived: flag,
  labels: nullishObject(tokenLabelFields),
};

/** Each field of `extTokenSchema`'s `metadata`, `spec` and `status`. */
export const extTokenFields = {
  metadata: { name, creationTimestamp: text, labels: nullishObject(tokenLabelFields) },
  spec: {
    userID: nameOrEmpty,
    kind: text,
    description: prose,
    ttl: finite,
    enabled: flag,
    clusterName: nameOrEmpty,
  },
  status: {
    current: flag,
    expired: flag,
    expiresAt: text,
    lastUsedAt: text,
    value: bearer,
    bearerToken: bearer,
  },
} as const satisfies Readonly<Record<string, Fields>>;

const extFields: Fields = {
  metadata: object(extTokenFields.metadata),
  spec: object(extTokenFields.spec),
  status: nullishObject(extTokenFields.status),
};

/** Whether a listed v3 item passes `v3TokenSchema` with every declared field unchanged. */
export function isExactV3Token(value: unknown): value is V3TokenBody {
  return hasFields(value, v3TokenFields);
}

/** Whether a listed ext item passes `extTokenSchema` with every declared field unchanged. */
export function isExactExtToken(value: unknown): value is ExtTokenBody {
  return hasFields(value, extFields);
}
