import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './electron-app';

test.describe('lifecycle and observability', () => {
  test('writes its log to the OS log folder, with no secret in it', async ({ app, page }) => {
    await expect(page.locator('body')).toBeVisible();
    const logs = await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs'));
    const file = path.join(logs, 'main.log');
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toMatch(/:[bcdfghjklmnpqrstvwxz2456789]{54}\b/);
  });

  test('offers the log file in the Help menu', async ({ app }) => {
    const label = await app.evaluate(
      ({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('log')?.label ?? null,
    );
    expect(label).toBe('Show Log File');
  });

  test('shows the window once it is ready, not before', async ({ app, page }) => {
    await expect(page.locator('body')).toBeVisible();
    const state = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return { visible: w.isVisible(), loading: w.webContents.isLoading() };
    });
    expect(state).toEqual({ visible: true, loading: false });
  });
});
