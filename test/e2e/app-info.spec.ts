import { expect, test } from './fixtures';
import { AboutPage } from './pages/about-page';

test.describe('app:info vertical slice', () => {
  test('shows the version and an available keychain when the Secret Service answers', async ({
    page,
    bridge,
  }) => {
    const about = new AboutPage(page);
    await about.open(bridge.url);
    await expect(about.version).toHaveText('0.1.0-test');
    await expect(about.keychainStatus).toHaveText('available');
  });

  test('refuses to serve the window when the token is missing', async ({ page, bridge }) => {
    const response = await page.goto(bridge.origin + '/');
    expect(response?.status()).toBe(403);
  });
});
