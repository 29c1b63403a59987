import type { ExpiryWarning } from '../../contract/app';

/** Identifies one threshold crossing of one key (or sign-in). */
export function warningKey(w: ExpiryWarning): string {
  return JSON.stringify([w.serverId, w.subject, w.keyId, w.thresholdMs, w.expiresAt]);
}

/**
 * Collects `expiry:warning` events that arrive within a short window (the scheduler fires every
 * due deadline at once after sleep or start) and hands them over as one batch. A warning already
 * seen for the same key, threshold and expiry is dropped: the core de-duplicates too, and this
 * guard keeps a replayed event from notifying twice.
 */
export function createNotificationBatcher(options: {
  windowMs: number;
  setTimer: (callback: () => void, delayMs: number) => () => void;
  deliver: (batch: ExpiryWarning[]) => void;
}): { add(warning: ExpiryWarning): void; cancel(): void } {
  const seen = new Set<string>();
  let pending: ExpiryWarning[] = [];
  let cancelTimer: (() => void) | null = null;
  return {
    add(warning) {
      const key = warningKey(warning);
      if (seen.has(key)) return;
      seen.add(key);
      pending.push(warning);
      if (cancelTimer) return;
      cancelTimer = options.setTimer(() => {
        const batch = pending;
        pending = [];
        cancelTimer = null;
        options.deliver(batch);
      }, options.windowMs);
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = null;
      pending = [];
    },
  };
}
