/** What to do when the window's renderer process is gone. */
export type CrashResponse = 'ignore' | 'reload' | 'explain';

/**
 * Decides on `render-process-gone`: a clean exit needs nothing; the first crash in a minute reloads
 * the page quietly (state lives in main, so nothing is lost); a second one within the minute is
 * explained to the user instead of looping.
 */
export function createCrashPolicy(options: { windowMs?: number; reloads?: number } = {}): {
  decide(reason: string, now: number): CrashResponse;
} {
  const windowMs = options.windowMs ?? 60_000;
  const reloads = options.reloads ?? 1;
  let recent: number[] = [];
  return {
    decide(reason, now) {
      if (reason === 'clean-exit') return 'ignore';
      recent = recent.filter((at) => now - at < windowMs);
      if (recent.length < reloads) {
        recent.push(now);
        return 'reload';
      }
      return 'explain';
    },
  };
}
