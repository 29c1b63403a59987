import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../contract/ipc';
import type { Result } from '../../contract/errors';
import type { Dispatch } from '../../core/dispatch';
import type { Logger } from '../../core/log';
import { isTrustedSender, type SenderInfo } from './sender';

/** What the choke point reads of an invoke event (a subset of Electron's IpcMainInvokeEvent). */
export type InvokeEventLike = {
  sender: Pick<IpcMainInvokeEvent['sender'], 'id'> & {
    mainFrame: unknown;
  };
  senderFrame: { url: string } | null;
};

/** Describes the frame behind an invoke event for the sender check. */
export function senderInfoOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    // A frame that has navigated away or been destroyed is null: never trusted.
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    url: frame?.url ?? '',
  };
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Request refused.' },
};

/**
 * Registers every contract channel on one choke point: the sender is checked (a window we
 * created, its main frame, our origin), then the core's dispatcher parses, runs and wraps. Neither
 * step logs arguments. Returns the registered channel names.
 */
export function registerIpc(options: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  log: Logger;
  windowIds: ReadonlySet<number>;
  appOrigin: string;
  /** A trusted page said `app:ready` (the renderer-ready handshake), with its webContents id. */
  onReady?: (webContentsId: number) => void;
}): string[] {
  const { ipcMain, dispatch, log } = options;
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: InvokeEventLike, input: unknown) => {
      if (!isTrustedSender(senderInfoOf(event), options)) {
        log.warn('ipc: refused a message from an untrusted sender', { channel });
        return refused;
      }
      if (channel === 'app:ready') options.onReady?.(event.sender.id);
      return dispatch(channel, input);
    });
  }
  return [...channelNames];
}
