/**
 * The simulator's notion of "now". Every expiry, `lastUsedAt` and purge decision reads this clock, so
 * tests can move time instead of waiting for it.
 */
export interface SimClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward (or backward with a negative value). */
  advance(ms: number): void;
  /** Jumps to an absolute instant. */
  set(date: Date | number): void;
}

/**
 * A clock that follows real time plus an offset: time keeps flowing (so a demo server behaves
 * naturally) while tests can still jump ahead.
 */
export function createRealtimeClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (date) => {
      offset = (typeof date === 'number' ? date : date.getTime()) - Date.now();
    },
  };
}

/** A clock that stands still until told to move: deterministic for tests. */
export function createManualClock(start: Date | number = Date.now()): SimClock {
  let current = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = typeof date === 'number' ? date : date.getTime();
    },
  };
}
