import { describe, expect, it } from 'vitest';
import { createAppHandlers, type DesktopPort } from '../../../electron/core/app-handlers';
import { createMemorySecretStore } from '../../../electron/core/vault/memory-secret-store';

/** Stands in for the Electron shell: a log file path, a tray flag, and a recorded "show". */
function fakeDesktop(logFile: string | null, trayAvailable: boolean) {
  const shown: string[] = [];
  const desktop: DesktopPort = {
    logFile: () => logFile,
    trayAvailable,
    showLogFile: () => {
      if (logFile) shown.push(logFile);
      return logFile !== null;
    },
  };
  return { desktop, shown };
}

const base = { version: '1.0.0', platform: 'linux' as const };

describe('app handlers and the desktop port', () => {
  it('reports the log file and that no tray shows, as the shell says', async () => {
    const { desktop } = fakeDesktop('/logs/main.log', false);
    const h = createAppHandlers({ ...base, secrets: createMemorySecretStore(), desktop });
    const info = await h['app:info']({});
    expect(info.logFile).toBe('/logs/main.log');
    expect(info.trayAvailable).toBe(false);
  });

  it('shows the log file through the shell and says whether there was one', async () => {
    const withLog = fakeDesktop('/logs/main.log', true);
    const h = createAppHandlers({
      ...base,
      secrets: createMemorySecretStore(),
      desktop: withLog.desktop,
    });
    expect(await h['app:showLogFile']({})).toEqual({ shown: true });
    expect(withLog.shown).toEqual(['/logs/main.log']);

    const without = fakeDesktop(null, true);
    const h2 = createAppHandlers({
      ...base,
      secrets: createMemorySecretStore(),
      desktop: without.desktop,
    });
    expect(await h2['app:showLogFile']({})).toEqual({ shown: false });
  });

  it('without a shell: no log file, a tray assumed, nothing shown', async () => {
    const h = createAppHandlers({ ...base, secrets: createMemorySecretStore() });
    const info = await h['app:info']({});
    expect(info).toMatchObject({ logFile: null, trayAvailable: true });
    expect(await h['app:showLogFile']({})).toEqual({ shown: false });
  });
});
