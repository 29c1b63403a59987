import { expect, test } from './electron-app';

test.describe('main window', () => {
  test('exposes only the contract API to the page when the app starts', async ({ app }) => {
    const page = await app.firstWindow();
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

  test('shows the keychain status from main when the window opens', async ({ app }) => {
    const page = await app.firstWindow();
    await expect(page.getByTestId('keychain-status')).toBeVisible();
  });
});
