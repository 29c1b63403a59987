import { Notification } from 'electron';
import type { ExpiryWarning } from '../../contract/app';
import type { Logger } from '../../core/log';
import { systemClock } from '../../core/ports';
import { createNotificationBatcher } from './notification-batcher';
import { planNotifications, platformBody, type NotificationContent } from './notification-content';

/** How long warnings are gathered before they are shown (one digest instead of a burst). */
export const batchWindowMs = 1_500;

/**
 * Native notifications for the core's `expiry:warning` events: batched (a digest when more than
 * three fall due together), de-duplicated per key and threshold, silenced when the user turned
 * notifications off, and a click opens the window on the key.
 */
export function createNotifier(options: {
  enabled: () => boolean;
  now: () => number;
  onClick: (target: NotificationContent['target']) => void;
  /** Every notification shown (the Electron suite reads them through the e2e hook). */
  onShown?: (content: NotificationContent) => void;
  /**
   * A notification could not be shown (no notification server, or the OS refused it): the shell
   * falls back to the tray and the window, so a warning is never silently lost.
   */
  onUnavailable: (content: NotificationContent, reason: string) => void;
  log: Logger;
}): {
  handle(warning: ExpiryWarning): void;
  /** Shows a notification now (a failed tray action, say), if notifications are on. */
  show(content: NotificationContent): void;
  stop(): void;
} {
  // Shown notifications are kept referenced: one collected by the GC loses its click handler.
  const live = new Set<Notification>();

  function show(content: NotificationContent): void {
    options.onShown?.(content);
    if (!Notification.isSupported()) {
      options.log.warn('notifications are not supported on this system');
      options.onUnavailable(content, 'not supported');
      return;
    }
    const n = new Notification({
      title: content.title,
      body: platformBody(content.body, process.platform),
    });
    live.add(n);
    n.on('failed', (_event, error) => {
      live.delete(n);
      options.log.warn('a notification could not be shown', { error });
      options.onUnavailable(content, error);
    });
    n.on('click', () => {
      live.delete(n);
      options.onClick(content.target);
    });
    n.on('close', () => live.delete(n));
    n.show();
  }

  const batcher = createNotificationBatcher({
    windowMs: batchWindowMs,
    // Real time even when the core runs on the suite's manual clock: the window is about bursts.
    setTimer: (callback, ms) => systemClock.setTimer(callback, ms),
    deliver(batch) {
      if (!options.enabled()) return;
      for (const content of planNotifications(batch, options.now())) show(content);
    },
  });

  return {
    handle: (warning) => batcher.add(warning),
    show(content) {
      if (options.enabled()) show(content);
    },
    stop() {
      batcher.cancel();
      for (const n of live) n.close();
      live.clear();
    },
  };
}
