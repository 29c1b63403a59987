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
  /** `text` after `edits` random edits: a character of `alphabet` inserted or put in place of one, or one removed. */
  mutate(text: string, alphabet: string, edits: number): string;
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
  const mutate = (text: string, alphabet: string, edits: number): string => {
    let out = text;
    for (let n = 0; n < edits; n++) {
      const at = int(out.length + 1);
      const char = alphabet[int(alphabet.length)] ?? '';
      const op = int(3);
      out =
        op === 0
          ? out.slice(0, at) + char + out.slice(at)
          : op === 1
            ? out.slice(0, at) + out.slice(at + 1)
            : out.slice(0, at) + char + out.slice(at + 1);
    }
    return out;
  };
  return { next, int, pick, string, mutate };
}
