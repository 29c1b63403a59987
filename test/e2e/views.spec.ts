import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';

test.describe('views: accessibility and screenshots', () => {
  test.use({ simOptions: { tls: true, seed: 'demo', version: '2.13' } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every view and dialog passes axe in the ${scheme} theme`, async ({
      app,
      page,
      core,
      sim,
    }) => {
      test.setTimeout(150_000);
      await page.setViewportSize({ width: 1360, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      const server = await addSignedInServer(core, sim, 'Demo Rancher');
      // Labels are local, so the demo world has none: give two keys some (the labels column, the
      // label filter and the rename dialog then have something to show).
      const { keys: demo } = await call<Output<'keys:list'>>(core, 'keys:list', {
        serverId: server.id,
      });
      for (const [description, labels] of [
        ['ci pipeline', ['ci', 'team-a']],
        ['terraform', ['infra']],
      ] as const) {
        const key = demo.find((k) => k.description === description);
        if (key) await call(core, 'keys:setLabels', { serverId: server.id, keyId: key.id, labels });
      }
      // A row with three chips (expiring soon, no secret stored, snoozed) must fit its cell.
      const soon = demo.find((k) => k.description === 'laptop kubectl');
      if (soon?.expiresAt) {
        await call(core, 'keys:snooze', {
          serverId: server.id,
          keyId: soon.id,
          until: soon.expiresAt,
        });
      }
      const keys = new KeysPage(page);
      await app.open();
      await expect(keys.row('ci pipeline')).toBeVisible();
      const chips = keys.row('laptop kubectl').getByTestId('key-state');
      await expect(chips.getByTestId('snoozed-mark')).toBeVisible();
      const fits = await chips.evaluate((cell) => {
        const chipBox = cell.querySelector('.chips')!.getBoundingClientRect();
        const cellBox = cell.getBoundingClientRect();
        return chipBox.right <= cellBox.right && cell.scrollWidth <= cell.clientWidth;
      });
      expect(fits, 'state chips fit their cell').toBe(true);
      await app.expectAccessible(`keys view (${scheme})`);
      await app.screenshot(`keys-${scheme}`);

      await keys.table.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('?');
      await expect(page.getByTestId('help-dialog')).toBeVisible();
      await app.expectAccessible(`help overlay (${scheme})`);
      await app.screenshot(`help-${scheme}`);
      await page.keyboard.press('Escape');

      await keys.row('ci pipeline').getByTestId('row-menu-button').click();
      await expect(keys.menu).toBeVisible();
      await app.expectAccessible(`row menu (${scheme})`);
      await app.screenshot(`menu-${scheme}`);
      await page.keyboard.press('Escape');

      await page.keyboard.press('n');
      await expect(page.getByTestId('create-key-dialog')).toBeVisible();
      await page.getByRole('radio', { name: 'Custom' }).check();
      await app.expectAccessible(`create key (${scheme})`);
      await app.screenshot(`create-key-${scheme}`);
      await page.keyboard.press('Escape');

      for (const [button, testId] of [
        ['Import key', 'import-key-dialog'],
        ['Edit server', 'edit-server-dialog'],
      ] as const) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await expect(page.getByTestId(testId)).toBeVisible();
        await app.expectAccessible(`${testId} (${scheme})`);
        await page.keyboard.press('Escape');
      }
      await page.getByTestId('rename-label').click();
      await expect(page.getByTestId('rename-label-dialog')).toBeVisible();
      await page.getByTestId('rename-label-dialog').getByRole('button', { name: 'Rename' }).click();
      await expect(page.getByTestId('rename-label-dialog')).toContainText('Type the new name.');
      await app.expectAccessible(`rename label (${scheme})`);
      await app.screenshot(`rename-label-${scheme}`);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Edit server', exact: true }).click();
      await page.getByRole('button', { name: 'Remove server…' }).click();
      await expect(page.getByTestId('remove-server-dialog')).toBeVisible();
      await app.expectAccessible(`remove server (${scheme})`);
      await page.keyboard.press('Escape');

      await app.openExpiring();
      await expect(page.getByTestId('expiring-row').first()).toBeVisible();
      await app.expectAccessible(`expiring view (${scheme})`);
      await app.screenshot(`expiring-${scheme}`);

      await app.openSettings();
      await expect(page.getByTestId('app-version')).toBeVisible();
      await app.expectAccessible(`settings (${scheme})`);
      await app.screenshot(`settings-${scheme}`);
    });
  }

  test('first run passes axe and is captured in both themes', async ({ app, page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.open();
      await expect(page.getByRole('heading', { name: 'Welcome to Rancher Keys' })).toBeVisible();
      await app.expectAccessible(`first run (${scheme})`);
      await app.screenshot(`first-run-${scheme}`);
    }
  });

  test('switches servers with Ctrl+number and focuses search with /', async ({
    app,
    page,
    core,
    sim,
  }) => {
    await addSignedInServer(core, sim, 'First');
    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.row('ci pipeline')).toBeVisible();
    await page.keyboard.press('/');
    await expect(keys.search).toBeFocused();
    await page.keyboard.type('terraform');
    await expect(keys.rows).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.locator('body').click();
    await page.keyboard.press('Control+1');
    await expect(app.server('First')).toHaveAttribute('aria-current', 'page');
  });
});
