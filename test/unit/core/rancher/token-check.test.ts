import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seededRandom } from '../../../support/seeded-random';
import { extTokenSchema, LIMITS, v3TokenSchema } from '../../../../electron/core/rancher/schemas';
import {
  extTokenFields,
  isExactExtToken,
  isExactV3Token,
  tokenLabelFields,
  v3TokenFields,
} from '../../../../electron/core/rancher/token-check';
import { fromExt, fromV3 } from '../../../../electron/core/rancher/token-model';

/**
 * The exact checks of listed token items must accept only what zod's schemas accept, with the
 * same value in every declared field, and must accept all of it but the descriptions zod cuts.
 * Items are generated around every bound (lengths, names, numbers) with every JSON type in every
 * field, extra and own `__proto__` members, then damaged at random, and both answers compared.
 * Each item goes through JSON text, so only values `JSON.parse` gives are compared (`1e400` is
 * Infinity there).
 */

const INFINITY = '@@infinity@@';
const MINUS_INFINITY = '@@-infinity@@';
const PROTO = '@@proto@@';
const LABEL_KIND = 'authn.management.cattle.io/kind';
const LABEL_USER = 'cattle.io/user-id';

const rng = seededRandom(1414);
const chance = (p: number) => rng.next() < p;
const pick = <T>(list: readonly T[]): T => rng.pick(list);

/** String lengths at and around every bound: short 64, name 253, bearer 570, text 1024. */
const lengths = [0, 1, 20, 63, 64, 65, 252, 253, 254, 569, 570, 571, 1023, 1024, 1025];
const names = [
  'token-abc12',
  'kubeconfig-u-abc.c-m-x',
  'u-b4qkhsnliz',
  'a',
  '0',
  'a'.repeat(253),
  'a'.repeat(254),
  `${'a'.repeat(63)}.${'b'.repeat(189)}`,
  '',
  'Token-abc',
  'a..b',
  '-a',
  'a-',
  '.a',
  'a/b',
  'a b',
  'é',
  '..',
];
const numbers = [0, -0, -1, 0.5, 1, 86_400_000, 2 ** 53, 1e21, -1e308, INFINITY, MINUS_INFINITY];
const times = ['2025-05-20T09:12:44Z', '2025-08-19T02:05:00-05:00', 'not a time', ''];
const odd = [null, true, false, [], ['a'], {}, { a: 1 }, 'x', 0, INFINITY];

const text = (n: number) => 'x'.repeat(n);
const anyValue = (): unknown =>
  chance(0.3)
    ? text(pick(lengths))
    : chance(0.3)
      ? pick(names)
      : chance(0.4)
        ? pick(numbers)
        : structuredClone(pick(odd));
const maybe = (p: number, value: () => unknown): unknown => (chance(p) ? value() : undefined);
const nullish = (value: () => unknown): unknown =>
  chance(0.15) ? null : chance(0.15) ? undefined : value();

const labels = (): unknown =>
  nullish(() => {
    const l: Record<string, unknown> = {};
    if (chance(0.6)) l[LABEL_KIND] = pick(['session', 'kubeconfig', '', text(64), text(65)]);
    if (chance(0.6)) l[LABEL_USER] = pick(names);
    if (chance(0.3)) l['other/label'] = anyValue();
    if (chance(0.05)) l[PROTO] = { [LABEL_KIND]: 'session' };
    return l;
  });

function v3Item(): Record<string, unknown> {
  const item: Record<string, unknown> = {
    name: pick(names.slice(0, 8)),
    description: nullish(() => text(pick(lengths))),
    userId: nullish(() => pick(names.slice(0, 9))),
    clusterId: nullish(() => pick(['', 'c-m-abcde', 'local'])),
    created: nullish(() => pick(times)),
    lastUsedAt: nullish(() => pick(times)),
    expiresAt: nullish(() => pick(times)),
    ttl: pick([0, 86_400_000, 1.5, -1]),
    enabled: nullish(() => pick([true, false])),
    expired: nullish(() => pick([true, false])),
    isDerived: nullish(() => pick([true, false])),
    labels: labels(),
    // What Rancher sends besides (the schema strips it).
    links: { self: 'https://rancher.example.com/v3/tokens/x' },
    type: 'token',
  };
  if (chance(0.05)) item[PROTO] = { name: 'token-zzzzz', ttl: 1 };
  return item;
}

function extItem(): Record<string, unknown> {
  const item: Record<string, unknown> = {
    apiVersion: 'ext.cattle.io/v1',
    kind: 'Token',
    metadata: {
      name: pick(names.slice(0, 8)),
      creationTimestamp: nullish(() => pick(times)),
      labels: labels(),
      uid: 'x',
    },
    spec: {
      userID: nullish(() => pick(names.slice(0, 9))),
      kind: nullish(() => pick(['session', 'kubeconfig', '', text(64), text(65)])),
      description: nullish(() => text(pick(lengths))),
      ttl: pick([-1, 0, 86_400_000, 0.25]),
      enabled: nullish(() => pick([true, false])),
      clusterName: nullish(() => pick(['', 'c-m-abcde', 'Local'])),
    },
    status: nullish(() => ({
      current: nullish(() => pick([true, false])),
      expired: nullish(() => pick([true, false])),
      expiresAt: nullish(() => pick(times)),
      lastUsedAt: nullish(() => pick(times)),
      value: maybe(0.1, () => text(pick([54, 570, 571]))),
      bearerToken: maybe(0.1, () => text(pick([54, 570, 571]))),
      other: anyValue(),
    })),
  };
  return item;
}

/** One random damage: a field replaced with any JSON value, deleted, or a member added. */
function damage(item: Record<string, unknown>, fields: readonly string[]): void {
  const what = rng.int(4);
  const key = pick(fields);
  if (what === 0) item[key] = anyValue();
  else if (what === 1) delete item[key];
  else if (what === 2) item[pick(['extra', PROTO])] = anyValue();
  else item[key] = chance(0.5) ? [anyValue()] : { [pick(fields)]: anyValue() };
}

const throughJson = (value: unknown): { json: string; value: unknown } => {
  const json = JSON.stringify(value)
    .replaceAll(`"${INFINITY}"`, '1e400')
    .replaceAll(`"${MINUS_INFINITY}"`, '-1e400')
    .replaceAll(`"${PROTO}"`, '"__proto__"');
  return { json, value: JSON.parse(json) };
};

/**
 * Whether `raw` holds zod's output in every member zod kept, and nothing in a declared member zod
 * left out: what the token model reads of the item is then what it would read of zod's copy.
 */
function agrees(raw: unknown, out: unknown, shape?: Record<string, unknown>): boolean {
  if (typeof out !== 'object' || out === null) return Object.is(raw, out);
  if (typeof raw !== 'object' || raw === null) return false;
  const rawObject = raw as Record<string, unknown>;
  const outObject = out as Record<string, unknown>;
  for (const key of Object.keys(shape ?? outObject)) {
    if (!(key in outObject)) {
      if (rawObject[key] !== undefined) return false;
    } else if (!agrees(rawObject[key], outObject[key], nested(shape?.[key]))) return false;
  }
  return true;
}

/** The object shape inside an (optional, nullable) zod schema, if any. */
function nested(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
  while (current && !current.shape && current.unwrap) current = current.unwrap() as typeof current;
  return current?.shape;
}

/** The prose fields zod cuts (and the checks therefore leave to it) when too long. */
function hasLongProse(item: unknown, path: readonly string[]): boolean {
  let value: unknown = item;
  for (const key of path) value = (value as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && value.length > LIMITS.text;
}

function compare<S extends z.ZodType>(
  label: string,
  make: () => Record<string, unknown>,
  fields: readonly string[],
  schema: S,
  check: (value: unknown) => boolean,
  read: (value: z.output<S>) => unknown,
  prosePath: readonly string[],
) {
  let accepted = 0;
  let refused = 0;
  let deferred = 0;
  const shape = nested(schema) as Record<string, unknown>;
  for (let i = 0; i < 25_000; i++) {
    const item = make();
    for (let d = chance(0.4) ? 0 : 1 + rng.int(2); d > 0; d--) damage(item, fields);
    if (chance(0.2)) {
      const inner = item[pick(fields)];
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner))
        damage(inner as Record<string, unknown>, [...Object.keys(inner), 'name']);
    }
    const { json, value } = throughJson(item);
    const parsed = schema.safeParse(value);
    const exact = check(value);
    if (exact) {
      if (!parsed.success) throw new Error(`${label}: the check accepts what zod refuses: ${json}`);
      if (!agrees(value, parsed.data, shape))
        throw new Error(`${label}: the check's item differs from zod's: ${json}`);
      expect(read(value as z.output<S>)).toEqual(read(parsed.data));
      accepted++;
    } else if (parsed.success) {
      if (!hasLongProse(value, prosePath))
        throw new Error(`${label}: the check refuses what zod accepts unchanged: ${json}`);
      deferred++;
    } else refused++;
  }
  // Every answer must be common, or the comparison proves little.
  expect(accepted).toBeGreaterThan(4_000);
  expect(refused).toBeGreaterThan(4_000);
  expect(deferred).toBeGreaterThan(100);
}

describe('the exact checks of listed token items', () => {
  it('answers as v3TokenSchema does, with the same values, on 25,000 generated v3 items', () => {
    compare(
      'v3',
      v3Item,
      Object.keys(v3TokenFields),
      v3TokenSchema,
      isExactV3Token,
      (body) => fromV3(body),
      ['description'],
    );
  }, 60_000);

  it('answers as extTokenSchema does, with the same values, on 25,000 generated ext items', () => {
    compare(
      'ext',
      extItem,
      ['metadata', 'spec', 'status'],
      extTokenSchema,
      isExactExtToken,
      (body) => fromExt(body),
      ['spec', 'description'],
    );
  }, 60_000);

  it('checks every field the schemas declare, and no other', () => {
    const keys = (schema: unknown) => Object.keys(nested(schema) ?? {}).sort();
    expect(Object.keys(v3TokenFields).sort()).toEqual(keys(v3TokenSchema));
    expect(Object.keys(tokenLabelFields).sort()).toEqual(keys(v3TokenSchema.shape.labels));
    const ext = extTokenSchema.shape;
    expect(Object.keys(ext).sort()).toEqual(Object.keys(extTokenFields).sort());
    expect(Object.keys(extTokenFields.metadata).sort()).toEqual(keys(ext.metadata));
    expect(Object.keys(extTokenFields.spec).sort()).toEqual(keys(ext.spec));
    expect(Object.keys(extTokenFields.status).sort()).toEqual(keys(ext.status));
  });

  it('leaves a description zod cuts to zod, which cuts it', () => {
    const item = { name: 'token-abc12', ttl: 0, description: text(LIMITS.text + 1) };
    expect(isExactV3Token(item)).toBe(false);
    const parsed = v3TokenSchema.parse(item);
    expect(parsed.description).toHaveLength(LIMITS.text);
    expect(parsed.description?.endsWith('…')).toBe(true);
  });
});
