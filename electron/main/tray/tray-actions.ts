import type { Dispatch } from '../../core/dispatch';
import type { NotificationContent } from '../notifications/notification-content';
import type { TrayAction } from './tray-model';

/** What tray clicks act on: the core's choke point and the shell's window. */
export interface TrayActionDeps {
  dispatch: Dispatch;
  showWindow(): void;
  navigate(target: { serverId: string; keyId: string | null }): void;
  quit(): void;
  /** Tells the user that an action failed (there is no window to show it in). */
  notify(content: NotificationContent): void;
}

/**
 * Runs a tray action. Core work goes through the same dispatcher as IPC (schema-checked, logged
 * without arguments); copying happens here in main, so the secret never reaches a renderer.
 */
export function createTrayActionRunner(
  deps: TrayActionDeps,
): (action: TrayAction) => Promise<void> {
  const failed = (title: string, result: Awaited<ReturnType<Dispatch>>) => {
    if (!result.ok) deps.notify({ title, body: result.error.message, target: null });
  };
  return async (action) => {
    switch (action.kind) {
      case 'open':
        return deps.showWindow();
      case 'quit':
        return deps.quit();
      case 'openKey':
        return deps.navigate({ serverId: action.serverId, keyId: action.keyId });
      case 'refresh':
        return failed('Could not refresh', await deps.dispatch('keys:refresh', {}));
      case 'switchServer':
        return failed(
          'Could not switch servers',
          await deps.dispatch('servers:switch', { id: action.serverId }),
        );
      case 'copyKey':
        return failed(
          'Could not copy the key',
          await deps.dispatch('keys:copy', {
            serverId: action.serverId,
            keyId: action.keyId,
            format: 'bearer',
          }),
        );
    }
  };
}
