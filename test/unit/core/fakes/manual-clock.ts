import type { Clock } from '../../../../electron/core/ports';

/** A controllable clock whose timers fire when time is moved (stands in for `systemClock`). */
export interface ManualClock extends Clock {
  /** Moves time forward, firing every timer that falls due, in deadline order. */
  advance(ms: number): void;
  /** Jumps to an instant (forward only fires timers). */
  set(instant: number | Date): void;
  /** Timers armed and not yet fired or cancelled. */
  pending(): number;
  /** Deadlines of the armed timers, earliest first. */
  deadlines(): number[];
}

export function createManualClock(start: number | Date = Date.UTC(2025, 5, 1)): ManualClock {
  let current = typeof start === 'number' ? start : start.getTime();
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  function moveTo(target: number): void {
    for (;;) {
      let nextId: number | undefined;
      let nextAt = Infinity;
      for (const [id, timer] of timers) {
        if (timer.at <= target && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId === undefined) break;
      const timer = timers.get(nextId);
      timers.delete(nextId);
      current = Math.max(current, nextAt);
      timer?.callback();
    }
    current = target;
  }
  return {
    now: () => current,
    setTimer(callback, delayMs) {
      const id = ++seq;
      timers.set(id, { at: current + Math.max(0, delayMs), callback });
      return () => timers.delete(id);
    },
    advance: (ms) => moveTo(current + ms),
    set: (instant) => moveTo(typeof instant === 'number' ? instant : instant.getTime()),
    pending: () => timers.size,
    deadlines: () => [...timers.values()].map((t) => t.at).sort((a, b) => a - b),
  };
}
