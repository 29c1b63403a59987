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

  test('refuses to serve the window when the token is missing', async ({ page, bridge }) => {
    const response = await page.goto(bridge.origin + '/');
    expect(response?.status()).toBe(403);
  });
});
