import { appStartOutputSchema } from '../contract/ipc';
import {
  keyKindSchema,
  keysListOutputSchema,
  keyStateSchema,
  keyViewSchema,
  tokenFamilySchema,
  type KeyView,
} from '../contract/keys';
import { oneOffParse } from './one-off-parse';

/**
 * The dispatcher's output check of `keys:list`, done once per key view rather than on every list.
 *
 * The core reuses a view object until its record changes (keys/key-view-cache.ts), so the same
 * 1,000 views went through `keyViewSchema` on every `keys:list` (each refresh makes the window list
 * again). A view that passes the schema and carries no field beyond it is frozen (with its labels)
 * and remembered by identity: it cannot change afterwards, so it needs no second check. Anything
 * else (an unknown field, a view not seen before) gets the full parse, which strips what the
 * contract does not declare, exactly as before.
 *
 * The first check of each view is {@link isExactKeyView}, which answers as `keyViewSchema` does for
 * a view with only declared fields, without zod: the first list after start checked 1,020 views,
 * and zod compiling and running its object parser for them was most of that list's time
 * (bench/RESULTS.md, issue 14). test/unit/core/checked-key-views.test.ts compares the two on
 * many thousands of generated views.
 */
const checked = new WeakSet<object>();
const declared = new Set(Object.keys(keyViewSchema.shape));
const envelopeSchema = keysListOutputSchema.omit({ keys: true });

function onlyDeclaredFields(value: object): boolean {
  for (const field in value) if (!declared.has(field)) return false;
  return true;
}

const families: ReadonlySet<unknown> = new Set(tokenFamilySchema.options);
const kinds: ReadonlySet<unknown> = new Set(keyKindSchema.options);
const states: ReadonlySet<unknown> = new Set(keyStateSchema.options);
const nullableString = (v: unknown) => v === null || typeof v === 'string';

/** By index, as zod reads an array: a hole is `undefined`, which is not a string. */
function everyString(list: unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** The fields {@link isExactKeyView} checks: every field of `keyViewSchema` (a test holds them equal). */
export const checkedKeyViewFields: readonly (keyof KeyView)[] = [
  'id',
  'name',
  'family',
  'kind',
  'description',
  'labels',
  'clusterId',
  'clusterName',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'ttlMs',
  'enabled',
  'state',
  'hasSecret',
  'isSignInCredential',
  'preview',
  'snoozedUntil',
  'revokeAt',
  'handle',
  'isDefault',
];

/**
 * Whether `value` passes `keyViewSchema` and has no field the schema does not declare. One read of
 * each field by name, in the schema's order: every view has the same shape, so each read stays
 * monomorphic even before V8 optimises (a loop over a field table read 21 different keys at one
 * site and took ~4× as long on the first list, bench/RESULTS.md "Start, fourth pass").
 */
export function isExactKeyView(value: unknown): value is KeyView {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<keyof KeyView, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    families.has(v.family) &&
    kinds.has(v.kind) &&
    typeof v.description === 'string' &&
    Array.isArray(v.labels) &&
    everyString(v.labels) &&
    nullableString(v.clusterId) &&
    nullableString(v.clusterName) &&
    nullableString(v.createdAt) &&
    nullableString(v.lastUsedAt) &&
    nullableString(v.expiresAt) &&
    // zod's number: finite (neither NaN nor ±Infinity).
    (v.ttlMs === null || (typeof v.ttlMs === 'number' && Number.isFinite(v.ttlMs))) &&
    typeof v.enabled === 'boolean' &&
    states.has(v.state) &&
    typeof v.hasSecret === 'boolean' &&
    typeof v.isSignInCredential === 'boolean' &&
    nullableString(v.preview) &&
    nullableString(v.snoozedUntil) &&
    nullableString(v.revokeAt) &&
    typeof v.handle === 'string' &&
    typeof v.isDefault === 'boolean' &&
    onlyDeclaredFields(v)
  );
}

/** `value` as the contract's KeyView, checked (or known to be checked already). */
function checkedKeyView(value: unknown): KeyView {
  if (typeof value === 'object' && value !== null && checked.has(value)) return value as KeyView;
  if (!isExactKeyView(value)) {
    const parsed = keyViewSchema.parse(value);
    if (!onlyDeclaredFields(value as object)) return parsed;
  }
  const view = value as KeyView;
  Object.freeze(view.labels);
  Object.freeze(view);
  checked.add(view);
  return view;
}

/** `keys:list`'s output check: the envelope by its schema, each view by {@link checkedKeyView}. */
export function checkKeysListOutput(value: unknown): unknown {
  if (typeof value !== 'object' || value === null)
    return keysListOutputSchema.parse(value, oneOffParse);
  const { keys, ...envelope } = value as { keys?: unknown };
  if (!Array.isArray(keys)) return keysListOutputSchema.parse(value, oneOffParse);
  return { ...envelopeSchema.parse(envelope, oneOffParse), keys: keys.map(checkedKeyView) };
}

const startEnvelopeSchema = appStartOutputSchema.omit({ keys: true });

/**
 * `app:start`'s output check: everything but the first keys window by the channel's schema, that
 * window as `keys:list`'s ({@link checkKeysListOutput}), a failure by the contract's error schema.
 */
export function checkAppStartOutput(value: unknown): unknown {
  if (typeof value !== 'object' || value === null)
    return appStartOutputSchema.parse(value, oneOffParse);
  const { keys, ...envelope } = value as { keys?: unknown };
  const start = startEnvelopeSchema.parse(envelope, oneOffParse);
  const ok = typeof keys === 'object' && keys !== null && (keys as { ok?: unknown }).ok === true;
  if (!ok) return { ...start, keys: appStartOutputSchema.shape.keys.parse(keys, oneOffParse) };
  return {
    ...start,
    keys: { ok: true, value: checkKeysListOutput((keys as { value?: unknown }).value) },
  };
}
