import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

test.describe('app:info', () => {
  test('shows the version and an available keychain in Settings when the Secret Service answers', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.openSettings();
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0-test');
    await expect(page.getByTestId('keychain-status')).toHaveText('available');
    await expect(app.keychainBanner).toHaveCount(0);
  });

  test('names a damaged data file, where it went and that settings started fresh', async ({
    app,
    page,
    core,
  }) => {
    // Before the core's first start, as if the file had been damaged while the app was closed.
    writeFileSync(path.join(core.dataDir, 'settings.json'), '{"theme": "dark", trunc');
    await app.open();
    const banner = page.getByTestId('data-problems-banner');
    await expect(banner).toContainText('A data file was damaged and has been set aside.');
    await expect(banner.getByTestId('data-problem')).toContainText(
      /settings\.json could not be read .* It was moved to .*settings\.json\.corrupt-.* and Rancher Keys started fresh for your settings/,
    );
    await app.expectAccessible('damaged data banner');
    await app.screenshot('data-problems-light');
    await banner.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('region', { name: 'Damaged data files set aside' })).toContainText(
      'settings.json.corrupt-',
    );
    await app.expectAccessible('settings with damaged data files');
    await banner.getByRole('button', { name: 'Dismiss the damaged data notice' }).click();
    await expect(banner).toHaveCount(0);
  });

  test('refuses to serve the window when the token is missing', async ({ page, bridge }) => {
    const response = await page.goto(bridge.origin + '/');
    expect(response?.status()).toBe(403);
  });
});

test.describe('Settings → About: the log file', () => {
  test('names the log file and shows it through main', async ({ app, page, core }) => {
    await app.open();
    await app.openSettings();
    await expect(page.getByTestId('log-file')).toHaveText(
      path.join(core.dataDir, 'logs', 'main.log'),
    );
    await page.getByRole('button', { name: 'Show the log file' }).click();
    await expect.poll(() => core.shownLogFiles()).toBe(1);
  });
});

test.describe('Settings without a tray', () => {
  test.use({ trayAvailable: false });

  test('explains that closing the window quits', async ({ app, page }) => {
    await app.open();
    await app.openSettings();
    await expect(
      page.getByText(/This desktop shows no tray icons, so closing the window quits/),
    ).toBeVisible();
    await app.expectAccessible('settings without a tray');
  });
});
