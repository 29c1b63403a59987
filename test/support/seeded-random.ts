/**
 * A small seeded PRNG (mulberry32) for property and fuzz tests: the same seed gives the same cases
 * on every run and machine, so a failure names its seed and can be replayed.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters drawn from `alphabet` (code points, not UTF-16 units). */
  string(alphabet: readonly string[], length: number): string;
}

/** Builds a generator from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(items.length)] as T;
  };
  const string = (alphabet: readonly string[], length: number): string =>
    Array.from({ length }, () => pick(alphabet)).join('');
  return { next, int, pick, string };
}
