import type { EmbeddedSignInWindow } from '../../core/sign-in-ports';
import type { ManualClock } from './manual-clock';
import type { NotificationContent } from '../notifications/notification-content';
import type { TrayController } from '../tray/tray-controller';
import { findTrayItem, type TrayAction, type TrayModel } from '../tray/tray-model';

/** The global the Electron suite reads through `app.evaluate` (set only with RANCHER_KEYS_E2E=1). */
export const e2eHookName = '__rancherKeysE2E';

/** What the Electron suite can do in the main process. */
export interface E2eHook {
  /** Rebuilds the tray from the core's current state and returns its model. */
  trayModel(): Promise<TrayModel>;
  /** Runs the action of a tray item, as a click would; rejects for an unknown or inert item. */
  clickTray(id: string): Promise<void>;
  /** Moves the core's clock forward, firing due expiry timers. */
  advanceClock(ms: number): void;
  now(): number;
  /** Notifications shown so far, in order. */
  notifications: NotificationContent[];
  keychainService: string;
  /** The shell's embedded sign-in window, run directly by the Electron suite's hardening spec. */
  embeddedSignIn: EmbeddedSignInWindow;
}

/** Installs the test-only hook on `globalThis`. Never called outside e2e mode. */
export function installE2eHook(options: {
  tray: TrayController;
  run: (action: TrayAction) => Promise<void>;
  clock: ManualClock | null;
  notifications: NotificationContent[];
  keychainService: string;
  embeddedSignIn: EmbeddedSignInWindow;
}): E2eHook {
  const hook: E2eHook = {
    trayModel: () => options.tray.refresh(),
    async clickTray(id) {
      const model = await options.tray.refresh();
      const action = findTrayItem(model.items, id)?.action;
      if (!action) throw new Error(`no clickable tray item ${id}`);
      await options.run(action);
    },
    advanceClock(ms) {
      if (!options.clock) throw new Error('the clock is not controllable');
      options.clock.advance(ms);
    },
    now: () => options.clock?.now() ?? Date.now(),
    notifications: options.notifications,
    keychainService: options.keychainService,
    embeddedSignIn: options.embeddedSignIn,
  };
  (globalThis as Record<string, unknown>)[e2eHookName] = hook;
  return hook;
}
