import type { Clipboard } from 'electron';
import type { ClipboardPort } from '../../core/ports';

/**
 * Electron's clipboard as the core's ClipboardPort. The core decides when to clear (after the
 * delay, only if the clipboard still holds the value it wrote); this adapter only moves text.
 * Electron 45 types `writeText`/`readText` as Promises and `clear` as synchronous.
 */
export function createElectronClipboard(
  clipboard: Pick<Clipboard, 'writeText' | 'readText' | 'clear'>,
): ClipboardPort {
  return {
    async writeText(text) {
      await clipboard.writeText(text);
    },
    async readText() {
      return clipboard.readText();
    },
    async clear() {
      clipboard.clear();
    },
  };
}
