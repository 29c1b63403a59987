import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../support/seeded-random';
import { keyViewSchema } from '../../../electron/contract/keys';
import { checkedKeyViewFields, isExactKeyView } from '../../../electron/core/checked-key-views';

/**
 * The first output check of each key view skips zod when {@link isExactKeyView} accepts it, so it
 * must accept exactly the views that pass `keyViewSchema` and carry no undeclared field (the views
 * the dispatcher froze before). Views are generated valid and then damaged at random (wrong types,
 * holes, NaN and infinities, missing, extra and inherited fields), and both answers compared.
 */

/** The dispatcher's previous test: zod's parse, and no enumerable field beyond the schema's. */
function reference(value: unknown): boolean {
  if (!keyViewSchema.safeParse(value).success) return false;
  for (const field in value as object) if (!(field in keyViewSchema.shape)) return false;
  return true;
}

// eslint-disable-next-line no-sparse-arrays -- a hole, as zod reads it
const sparse = [, 'a'];
const pool: unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  1.5,
  2 ** 60,
  '',
  'x',
  true,
  false,
  [],
  ['a', 'b'],
  [1],
  sparse,
  [undefined],
  {},
  new Date(0),
  'v3',
  'ext',
  'api_key',
  'kubeconfig',
  'active',
  'pending_revocation',
  'expired',
  'bogus',
  'API_KEY',
];

describe('the exact check of a key view', () => {
  it('knows every field of keyViewSchema and no other', () => {
    expect([...checkedKeyViewFields].sort()).toEqual(Object.keys(keyViewSchema.shape).sort());
  });

  it('accepts exactly the views keyViewSchema accepts with only declared fields, on 20,000 generated views', () => {
    const rng = seededRandom(14);
    const next = () => rng.next();
    const pick = <T>(list: readonly T[]): T => rng.pick(list);
    const chance = (p: number) => next() < p;
    const fields = Object.keys(keyViewSchema.shape);
    const view = (): Record<string, unknown> => ({
      id: `token-${Math.floor(next() * 1e6)}`,
      name: 'token-x',
      family: pick(['v3', 'ext']),
      kind: pick(['api_key', 'session', 'kubeconfig', 'system']),
      description: chance(0.2) ? '' : 'a key',
      labels: chance(0.5) ? [] : ['prod', 'ci'],
      clusterId: chance(0.5) ? null : 'c-m-1',
      clusterName: chance(0.5) ? null : 'local',
      createdAt: chance(0.2) ? null : '2026-01-01T00:00:00Z',
      lastUsedAt: null,
      expiresAt: chance(0.5) ? null : '2026-03-01T00:00:00Z',
      ttlMs: chance(0.5) ? null : pick([0, 86_400_000, 1.5, -1]),
      enabled: chance(0.8),
      state: pick(['active', 'expiring', 'expired', 'disabled', 'revoked', 'pending_revocation']),
      hasSecret: chance(0.5),
      isSignInCredential: chance(0.1),
      preview: chance(0.5) ? null : 'token-x:ab…cd',
      snoozedUntil: null,
      revokeAt: null,
      handle: 'token-x',
      isDefault: chance(0.1),
    });
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i++) {
      let v: unknown = view();
      const damages = chance(0.35) ? 0 : 1 + Math.floor(next() * 2);
      for (let d = 0; d < damages; d++) {
        const target = v as Record<string, unknown>;
        const what = Math.floor(next() * 10);
        if (what <= 5) target[pick(fields)] = pick(pool);
        else if (what === 6) delete target[pick(fields)];
        else if (what === 7) target[pick(['secret', 'extra', '__x'])] = pick(pool);
        else if (what === 8) {
          // A field inherited from the prototype: zod reads it, and it is enumerable.
          const proto = chance(0.5) ? { inherited: 1 } : { [pick(fields)]: pick(pool) };
          v = Object.assign(Object.create(proto) as object, target);
        } else v = pick([null, [], 'view', 1, [target]]);
        if (typeof v !== 'object' || v === null || Array.isArray(v)) break;
      }
      const expected = reference(v);
      if (isExactKeyView(v) !== expected) {
        throw new Error(
          `the check says ${!expected}, zod says ${expected}: ${String(JSON.stringify(v))}`,
        );
      }
      if (expected) accepted++;
      else refused++;
    }
    expect(accepted).toBeGreaterThan(4_000);
    expect(refused).toBeGreaterThan(4_000);
  }, 60_000);
});
