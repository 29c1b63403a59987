import { describe, expect, it } from 'vitest';
import { createElectronClipboard } from '../../../electron/main/ipc/electron-clipboard';

/** Stands in for Electron's clipboard module (Promise-returning writeText/readText, sync clear). */
function fakeClipboard() {
  let text = '';
  return {
    get text() {
      return text;
    },
    writeText: async (t: string) => void (text = t),
    readText: async () => text,
    clear: () => void (text = ''),
  };
}

describe('createElectronClipboard', () => {
  it('writes, reads back and clears the system clipboard', async () => {
    const system = fakeClipboard();
    const port = createElectronClipboard(system);
    await port.writeText('token-a:secret');
    expect(system.text).toBe('token-a:secret');
    expect(await port.readText()).toBe('token-a:secret');
    await port.clear();
    expect(system.text).toBe('');
  });
});
