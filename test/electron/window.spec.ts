import { expect, invoke, test } from './electron-app';

test.describe('main window', () => {
  test('exposes only the contract API to the page when the app starts', async ({ page }) => {
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { rancherKeys: object }).rancherKeys).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({
      api: ['invoke', 'on'],
      hasRequire: 'undefined',
      hasProcess: 'undefined',
    });
  });

  test('runs the renderer hardened when the window opens', async ({ app, page }) => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      const p = contents.getLastWebPreferences();
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(page.url()).toBe('app://rancher-keys/index.html');
  });

  test('serves the page with the CSP header from the app protocol', async ({ page }) => {
    const csp = await page.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('opens no new window and stays on its page when the page tries', async ({ app, page }) => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://rancher-keys/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('answers app:info through the preload and IPC with the app version', async ({
    app,
    page,
  }) => {
    const version = await app.evaluate(({ app: electronApp }) => electronApp.getVersion());
    const info = await invoke(page, 'app:info', {});
    expect(info.version).toBe(version);
    expect(info.platform).toBe(process.platform);
    // Settings → About names the log file main opened in the OS's log folder.
    const logs = await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs'));
    expect(info.logFile?.startsWith(logs)).toBe(true);
    expect(typeof info.trayAvailable).toBe('boolean');
  });
});
