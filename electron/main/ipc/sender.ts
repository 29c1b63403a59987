/** What main knows about the frame that sent an IPC message. */
export interface SenderInfo {
  webContentsId: number;
  isMainFrame: boolean;
  url: string;
}

/**
 * Accepts a message only from a window we created, from its main frame, showing our own page
 * (design.md §3; VS Code's validatedIpcMain). Pure, so it is unit-tested without Electron.
 */
export function isTrustedSender(
  sender: SenderInfo,
  trust: { windowIds: ReadonlySet<number>; appOrigin: string },
): boolean {
  if (!trust.windowIds.has(sender.webContentsId) || !sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}` === trust.appOrigin;
}
