/** The current time, injected so expiry logic can be tested at any instant. */
export interface Clock {
  now(): number;
  /** A one-shot timer; returns its cancel function. The scheduler arms one for the next deadline. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

/** The real clock. Timers longer than setTimeout's limit are re-armed in steps. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const MAX = 2_147_483_647;
    let handle: NodeJS.Timeout;
    const arm = (remaining: number) => {
      handle = setTimeout(
        () => (remaining > MAX ? arm(remaining - MAX) : callback()),
        Math.min(Math.max(0, remaining), MAX),
      );
      handle.unref?.();
    };
    arm(delayMs);
    return () => clearTimeout(handle);
  },
};

/**
 * The system clipboard, as main sees it (Electron's clipboard in the app; a recorder in the test
 * bridge). The core writes a secret here and clears it later only if it still holds that value.
 */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}
