import { expect, test } from './fixtures';
import { addSignedInServer } from './helpers';
import { KeysPage } from './pages/keys-page';

test.describe('server unreachable', () => {
  test('keeps showing the cached list, marked offline with when it was last refreshed', async ({
    app,
    page,
    core,
    sim,
  }) => {
    await addSignedInServer(core, sim, 'Sim', 'api_key');
    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.row(sim.admin.tokenName)).toBeVisible();
    await sim.close();
    await keys.refresh();
    await expect(keys.freshness).toHaveAttribute('data-offline', 'true', { timeout: 15_000 });
    await expect(keys.freshness).toContainText('last refreshed');
    await expect(keys.row(sim.admin.tokenName)).toBeVisible();
    await expect(app.server('Sim')).toContainText('Unreachable');
    await app.expectAccessible('offline keys view');
  });
});
