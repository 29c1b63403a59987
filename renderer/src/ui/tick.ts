import { useExternal } from './use-store';

/**
 * A shared clock for live countdowns. Cells subscribe and derive their own text from `now()`, so a
 * tick re-renders only the cells whose text changed, never the whole table.
 */
export interface Tick {
  now: () => number;
  subscribe: (listener: () => void) => () => void;
}

/** Ticks every `intervalMs` while anyone listens; `now` is injectable for tests. */
export function createTick(intervalMs = 1_000, now: () => number = Date.now): Tick {
  const listeners = new Set<() => void>();
  let current = now();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    now: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        current = now();
        timer = setInterval(() => {
          current = now();
          for (const l of listeners) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/** Re-renders the caller only when `derive(now)` changes (strings compare by value). */
export function useTicked<T extends string | number | boolean>(
  tick: Tick,
  derive: (now: number) => T,
): T {
  return useExternal(tick.subscribe, () => derive(tick.now()));
}
