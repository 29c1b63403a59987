import type { Logger } from '../log';
import type { ClipboardPort, Clock } from '../ports';

/**
 * Writes secrets to the clipboard and clears them after a delay, but only if the clipboard still
 * holds the value we wrote (the user may have copied something else meanwhile).
 */
export interface ClipboardGuard {
  /**
   * Writes `text`; resolves to the delay after which it is cleared (0 = never). With
   * `clear: false` (a value that is not secret) it stays, and a pending clear is cancelled.
   */
  write(text: string, options?: { clear?: boolean }): Promise<number>;
  /** Cancels the pending clear. */
  stop(): void;
}

export function createClipboardGuard(deps: {
  clipboard: ClipboardPort;
  clock: Clock;
  log: Logger;
  clearAfterMs: () => number;
}): ClipboardGuard {
  let cancel: (() => void) | null = null;
  return {
    async write(text, options = {}) {
      cancel?.();
      cancel = null;
      await deps.clipboard.writeText(text);
      const delay = options.clear === false ? 0 : deps.clearAfterMs();
      if (delay <= 0) return 0;
      cancel = deps.clock.setTimer(() => {
        cancel = null;
        void (async () => {
          try {
            if ((await deps.clipboard.readText()) === text) await deps.clipboard.clear();
          } catch {
            deps.log.warn('clipboard: could not clear the copied value');
          }
        })();
      }, delay);
      return delay;
    },
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
