import type { ExpiryWarning } from '../../../electron/contract/app';
import { keyName } from '../keys/key-name';
import type { UiStore } from '../ui/ui-store';

/** Warnings arriving within this time of each other share one toast. */
const BURST_MS = 6_000;

/** One warning in words: `"ci pipeline" on Prod expires soon.` */
export function warningText(warning: ExpiryWarning): string {
  const what =
    warning.subject === 'session'
      ? 'Your sign-in'
      : `"${keyName({ id: warning.keyId ?? '', description: warning.description })}"`;
  return warning.thresholdMs === 0
    ? `${what} on ${warning.serverName} has expired.`
    : `${what} on ${warning.serverName} expires soon.`;
}

/**
 * Expiry warnings as toasts, coalesced: a burst (several keys crossing a threshold at sign-in or
 * start) is one toast that counts them and points to the Expiring view, not a stack of toasts.
 */
export function createWarningToasts(ui: Pick<UiStore, 'toast'>, now: () => number = Date.now) {
  let burst: ExpiryWarning[] = [];
  let lastAt = -Infinity;
  return {
    add(warning: ExpiryWarning) {
      const at = now();
      if (at - lastAt > BURST_MS) burst = [];
      lastAt = at;
      burst.push(warning);
      const [first] = burst;
      const text =
        burst.length === 1 && first
          ? warningText(first)
          : `${burst.length} expiry warnings: ${warningText(warning)} See Expiring for all of them.`;
      ui.toast(text, 'warning', { slot: 'expiry-warning' });
    },
  };
}
