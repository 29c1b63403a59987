import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../contract/ipc';
import type { Dispatch } from '../core/dispatch';
import type { Logger } from '../core/log';
import { isTrustedSender } from './sender';

/**
 * Registers every contract channel on one choke point: the sender is checked, then the core's
 * dispatcher parses, runs and wraps. Returns the registered channel names.
 */
export function registerIpc(options: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  log: Logger;
  windowIds: ReadonlySet<number>;
  appOrigin: string;
}): string[] {
  const { ipcMain, dispatch, log } = options;
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const sender = {
        webContentsId: event.sender.id,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
        url: frame?.url ?? '',
      };
      if (!isTrustedSender(sender, options)) {
        log.warn('ipc: refused a message from an untrusted sender', { channel });
        return { ok: false, error: { code: 'forbidden', message: 'Request refused.' } };
      }
      return dispatch(channel, input);
    });
  }
  return [...channelNames];
}
