import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../support/seeded-random';
import { isCompactKeysFile } from '../../../../electron/core/keys/key-cache-check';
import {
  compactKeysFileSchema,
  keysFileSchema,
} from '../../../../electron/core/keys/key-cache-format';

/**
 * The exact check of a version 2 keys file must accept exactly what zod's schema accepts: files
 * are generated around every bound (lengths, integers, epoch seconds, counts, members) and then
 * damaged at random, and both must answer the same for each. Only values JSON.parse can give are
 * compared (the check reads nothing else): each file goes through JSON text, which also lets a
 * cell be `1e400` (Infinity) and a member be an own `__proto__`.
 */

const INFINITY = '@@infinity@@';
const PROTO = '@@proto@@';
const text = (n: number) => 'x'.repeat(n);
/** Values at and around every bound the schema has, and values of every JSON type. */
const lengths = [0, 1, 63, 64, 65, 253, 254, 299, 300, 301, 506, 507, 1024, 1025];
const numbers = [
  0,
  -0,
  -1,
  0.5,
  1,
  2,
  7,
  8,
  511,
  512,
  253_402_300_799,
  253_402_300_800,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e21,
];
const odd = [null, true, false, [], {}, ['a'], { p: 'x' }, INFINITY, '', 'token-abc'];

describe('the exact check of a keys file', () => {
  it('accepts exactly what compactKeysFileSchema accepts, on 30,000 generated files', () => {
    const rng = seededRandom(14);
    const next = () => rng.next();
    const pick = <T>(list: readonly T[]): T => rng.pick(list);
    const chance = (p: number) => next() < p;
    const anyValue = (): unknown =>
      chance(0.4) ? text(pick(lengths)) : chance(0.6) ? pick(numbers) : pick(odd);
    const time = (): unknown =>
      chance(0.3) ? null : chance(0.5) ? pick([0, 1_700_000_000, 253_402_300_799]) : text(20);
    const local = (): Record<string, unknown> => {
      const cell: Record<string, unknown> = {};
      if (chance(0.5)) cell.p = text(pick([0, 20, 506]));
      if (chance(0.5)) cell.l = Array.from({ length: pick([0, 1, 64]) }, () => text(5));
      if (chance(0.3)) cell.s = time();
      if (chance(0.3)) cell.r = time();
      if (chance(0.3)) cell.h = text(pick([1, 300]));
      return cell;
    };
    const row = (): unknown[] => {
      const r: unknown[] = [
        text(pick([1, 12, 300])),
        Math.floor(next() * 512),
        text(pick([0, 30, 1024])),
        Math.floor(next() * 3),
        chance(0.5) ? null : Math.floor(next() * 3),
        time(),
        time(),
        time(),
        chance(0.3) ? null : pick([0, 86_400_000, 1.5]),
      ];
      if (chance(0.5)) r.push(local());
      return r;
    };
    const file = (): Record<string, unknown> => ({
      version: 2,
      refreshedAt: chance(0.5) ? null : text(pick([20, 64])),
      users: Array.from({ length: pick([0, 1, 3]) }, () => text(pick([0, 10, 253]))),
      clusters: Array.from({ length: pick([0, 2]) }, () => text(pick([5, 253]))),
      keys: Array.from({ length: pick([0, 1, 4]) }, row),
      ...(chance(0.1) ? { extra: anyValue() } : {}),
    });
    /** One random damage: a cell, a member, a length, a type. */
    const damage = (f: Record<string, unknown>): void => {
      const keys = Array.isArray(f.keys) ? (f.keys as unknown[]) : [];
      const picked = keys.length > 0 ? pick(keys) : null;
      const r = Array.isArray(picked) ? (picked as unknown[]) : null;
      const what = Math.floor(next() * 10);
      if (what <= 3 && r) r[Math.floor(next() * r.length)] = anyValue();
      else if (what === 4 && r) {
        if (chance(0.5)) r.push(chance(0.5) ? local() : anyValue());
        else r.pop();
      } else if (what === 5 && r) {
        const cell = (typeof r[9] === 'object' && r[9] !== null ? r[9] : (r[9] = {})) as Record<
          string,
          unknown
        >;
        cell[pick(['p', 'l', 's', 'r', 'h', 'x', PROTO])] = chance(0.3) ? [anyValue()] : anyValue();
      } else if (what === 6) {
        f[pick(['version', 'refreshedAt', 'users', 'clusters', 'keys'])] = anyValue();
      } else if (what === 7) {
        const list = f[pick(['users', 'clusters'])];
        if (Array.isArray(list)) list.push(anyValue());
      } else if (what === 8) {
        delete f[pick(['version', 'refreshedAt', 'users', 'clusters', 'keys'])];
      } else if (r) r[Math.floor(next() * 10)] = pick([INFINITY, -1, 2 ** 53, 0.5]);
    };

    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 30_000; i++) {
      const f = file();
      for (let d = chance(0.3) ? 0 : 1 + Math.floor(next() * 2); d > 0; d--) damage(f);
      const json = JSON.stringify(f)
        .replaceAll(`"${INFINITY}"`, '1e400')
        .replaceAll(`"${PROTO}"`, '"__proto__"');
      const value: unknown = JSON.parse(json);
      const expected = compactKeysFileSchema.safeParse(value).success;
      if (isCompactKeysFile(value) !== expected) {
        throw new Error(
          `the check says ${!expected}, zod says ${expected}: ${json.slice(0, 2000)}`,
        );
      }
      if (expected) accepted++;
      else refused++;
    }
    // Both answers must be common, or the comparison proves little.
    expect(accepted).toBeGreaterThan(5_000);
    expect(refused).toBeGreaterThan(5_000);
  }, 60_000);

  it('leaves a refused file to zod, which still says where it is wrong', () => {
    const file = {
      version: 2,
      refreshedAt: null,
      users: ['u-1'],
      clusters: [],
      keys: [['token-a', 8, 'x'.repeat(1_025), 0, null, null, null, null, null]],
    };
    expect(isCompactKeysFile(file)).toBe(false);
    const parsed = keysFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['keys', 0, 2]);
  });

  it('reads an accepted file to the same document as zod would', () => {
    const file = {
      version: 2,
      refreshedAt: '2025-01-01T00:00:00Z',
      users: ['u-1'],
      clusters: ['c-1'],
      keys: [
        [
          'token-a',
          8 | 32,
          'a key',
          0,
          0,
          1_735_689_600,
          null,
          '2025-02-01T00:00:00.5Z',
          3_600_000,
        ],
        [
          'token-b',
          1 | 64,
          '',
          0,
          null,
          null,
          null,
          null,
          null,
          { p: 'ext/token-b:ab…cd', l: ['x'] },
        ],
      ],
      unknown: 'ignored',
    };
    const fromCheck = keysFileSchema.parse(file);
    const viaZod = keysFileSchema.parse(compactKeysFileSchema.parse(file));
    expect(isCompactKeysFile(file)).toBe(true);
    expect(fromCheck).toEqual(viaZod);
    expect(fromCheck.doc.keys['ext/token-b']?.labels).toEqual(['x']);
    expect(fromCheck.doc.keys['token-a']?.token.createdAt).toBe('2025-01-01T00:00:00Z');
  });
});
