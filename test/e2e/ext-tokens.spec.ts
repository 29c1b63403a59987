import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';

const DAY = 86_400_000;

test.describe('ext token actions on Rancher 2.13', () => {
  test.use({ simOptions: { tls: true, seed: 'empty', version: '2.13' } });

  test('disables, enables and shortens an ext token, and Rancher holds each change', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const server = await addSignedInServer(core, sim);
    const { key } = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: server.id,
      description: 'ext automation',
      family: 'ext',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    expect(key.id).toBe(`ext/${key.name}`);
    const onRancher = () => {
      const token = sim.state.extTokens.get(key.name);
      if (!token) throw new Error(`the simulator has no ext token ${key.name}`);
      return token;
    };

    const keys = new KeysPage(page);
    const row = keys.row('ext automation');
    await app.open();
    await expect(row).toContainText('ext');
    await expect(row.getByTestId('key-state')).toContainText('Active');

    await keys.menuAction('ext automation', 'Disable');
    await expect(app.toasts).toContainText('Key disabled.');
    await expect(row.getByTestId('key-state')).toContainText('Disabled');
    expect(onRancher().enabled).toBe(false);

    await row.getByTestId('row-menu-button').click();
    await expect(keys.menu.getByRole('menuitem', { name: 'Disable' })).toHaveCount(0);
    await keys.menu.getByRole('menuitem', { name: 'Enable' }).click();
    await expect(app.toasts).toContainText('Key enabled.');
    await expect(row.getByTestId('key-state')).toContainText('Active');
    expect(onRancher().enabled).toBe(true);

    const before = onRancher().ttlMs;
    await keys.menuAction('ext automation', 'Shorten expiry…');
    const dialog = page.getByTestId('shorten-dialog');
    await expect(dialog.getByLabel('Expire in')).toBeFocused();
    await app.expectAccessible('shorten expiry dialog');

    // Longer than now is refused before anything reaches Rancher.
    await dialog.getByLabel('Expire in').fill('60');
    await dialog.getByRole('button', { name: 'Shorten' }).click();
    await expect(dialog).toContainText('The new expiry must be earlier than the current one.');
    expect(onRancher().ttlMs).toBe(before);

    await dialog.getByLabel('Expire in').fill('2');
    await dialog.getByRole('button', { name: 'Shorten' }).click();
    await expect(app.toasts).toContainText('Expiry shortened.');
    await expect(dialog).toHaveCount(0);
    await expect(row.getByTestId('key-expires')).toContainText(/in 1d 2\dh|in 2d/);
    // The key now lives two days from its creation: it is "expiring soon" only in the last quarter
    // of that lifetime (12 hours), not from the moment it was shortened.
    await expect(row.getByTestId('key-state')).toContainText('Active');
    const token = onRancher();
    const expiresAt = token.createdMs + token.ttlMs;
    expect(Math.abs(expiresAt - (Date.now() + 2 * DAY))).toBeLessThan(60_000);
    expect(token.ttlMs).toBeLessThan(before);
  });
});
