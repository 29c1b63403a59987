import { describe, expect, it } from 'vitest';
import { createElectronSystemBrowser } from '../../../electron/main/sign-in/electron-system-browser';

/** Stands in for Electron's `shell.openExternal`, recording what would have been opened. */
function fakeShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
}

describe('createElectronSystemBrowser', () => {
  it('hands an https sign-in page to the OS browser', async () => {
    const { opened, shell } = fakeShell();
    await createElectronSystemBrowser(shell).open(
      'https://rancher.example.com/dashboard/auth/login?cli=true&requestId=abc',
    );
    expect(opened).toEqual([
      'https://rancher.example.com/dashboard/auth/login?cli=true&requestId=abc',
    ]);
  });

  it('refuses, and opens nothing, for an address that is not https or loopback http', async () => {
    const { opened, shell } = fakeShell();
    const browser = createElectronSystemBrowser(shell);
    for (const url of ['file:///etc/passwd', 'http://evil.example.com/', 'javascript:alert(1)']) {
      await expect(browser.open(url)).rejects.toThrow(/only https/);
    }
    expect(opened).toEqual([]);
  });
});
