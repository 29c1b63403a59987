import type { Output } from '../../electron/contract/ipc';
import { startRancherSim } from '../rancher-sim';
import { expect, test } from './fixtures';
import { addSignedInServer, call, simBearer } from './helpers';
import { KeysPage } from './pages/keys-page';

test.describe('search-first and quick copy', () => {
  test('Enter in the search box copies the only match', async ({ app, page, core, sim }) => {
    const server = await addSignedInServer(core, sim, 'Solo');
    const out = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: server.id,
      description: 'deploy bot',
      expiry: { kind: 'max' },
    });
    await call(core, 'keys:create', {
      serverId: server.id,
      description: 'other',
      expiry: { kind: 'max' },
    });
    const keys = new KeysPage(page);
    await app.open();
    await keys.search.fill('deploy');
    await expect(keys.rows).toHaveCount(1);
    await keys.search.press('Enter');
    await expect
      .poll(async () => (await app.clipboard()).current)
      .toBe(simBearer(sim, out.key.name));
    await expect(app.toasts).toContainText(`Bearer token of ${out.key.id} copied`);
  });

  test('Ctrl+K finds a key on any server, says which, and copies it', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const second = await startRancherSim({ tls: true, seed: 'empty', version: '2.13' });
    try {
      const first = await addSignedInServer(core, sim, 'Alpha Rancher');
      const other = await addSignedInServer(core, second, 'Beta Rancher');
      await call(core, 'keys:create', {
        serverId: first.id,
        description: 'alpha ci',
        expiry: { kind: 'max' },
      });
      const wanted = await call<Output<'keys:create'>>(core, 'keys:create', {
        serverId: other.id,
        description: 'beta deploy',
        labels: ['payments'],
        expiry: { kind: 'max' },
      });
      await app.open();
      await expect(app.servers).toHaveCount(2);
      await page.keyboard.press('Control+k');
      const palette = page.getByTestId('quick-copy');
      await expect(palette).toBeVisible();
      const input = palette.getByTestId('quick-copy-input');
      await expect(input).toBeFocused();
      const options = palette.getByTestId('quick-copy-option');
      await expect(options.first()).toBeVisible();
      await app.expectAccessible('quick copy');
      await app.screenshot('quick-copy');

      // By label, across servers; the result names its server.
      await input.fill('payments');
      await expect(options).toHaveCount(1);
      await expect(options.first()).toContainText('beta deploy');
      await expect(options.first()).toContainText('Beta Rancher');
      await input.press('Enter');
      await expect(palette).toBeHidden();
      await expect
        .poll(async () => (await app.clipboard()).current)
        .toBe(simBearer(second, wanted.key.name));
      await expect(app.toasts).toContainText('(Beta Rancher)');

      // Alt+Enter offers the other formats.
      await page.keyboard.press('Control+k');
      await input.fill('beta rancher deploy');
      await expect(options).toHaveCount(1);
      await input.press('Alt+Enter');
      const formats = palette.getByRole('group', { name: /^Copy beta deploy as/ });
      await expect(formats).toBeVisible();
      await app.expectAccessible('quick copy formats');
      await formats.getByRole('button', { name: 'Access key' }).click();
      await expect.poll(async () => (await app.clipboard()).current).toBe(wanted.key.id);

      // Nothing matches: said so; Escape closes.
      await page.keyboard.press('Control+k');
      await input.fill('no such key anywhere');
      await expect(palette).toContainText('No key matches.');
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();
    } finally {
      await second.close();
    }
  });
});
