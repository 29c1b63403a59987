import type { Clock } from '../../core/ports';

/** A clock the Electron suite moves by hand (e2e mode only). */
export interface ManualClock extends Clock {
  /** Moves time forward and fires every timer that falls due, in order. */
  advance(ms: number): void;
}

/**
 * A controllable clock starting at `start`. Timers fire only when `advance` reaches them, so the
 * suite can make a key fall due without waiting days.
 */
export function createManualClock(start: number): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, delayMs), callback });
      return () => {
        timers.delete(id);
      };
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | null = null;
        for (const entry of timers) {
          if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
        }
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = target;
    },
  };
}
