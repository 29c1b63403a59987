import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';

test.describe('rename a label', () => {
  test('renames a label on every key of the server that has it, from the labels filter', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const server = await addSignedInServer(core, sim);
    for (const [description, labels] of [
      ['alpha deploy', ['ci', 'prod']],
      ['beta deploy', ['ci']],
      ['gamma backup', ['nightly']],
    ] as const) {
      await call(core, 'keys:create', {
        serverId: server.id,
        description,
        labels,
        expiry: { kind: 'max' },
      });
    }
    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.rows.filter({ hasText: /alpha|beta|gamma/ })).toHaveCount(3);
    await page.getByLabel('Filter by label').selectOption('ci');
    await expect(keys.rows).toHaveCount(2);

    await page.getByTestId('rename-label').click();
    const dialog = page.getByTestId('rename-label-dialog');
    await expect(dialog.getByLabel(/^Label/)).toHaveValue('ci');
    await expect(dialog.getByLabel(/^Label/)).toBeFocused();
    await expect(dialog).toContainText('2 keys on this server');
    await app.expectAccessible('rename label dialog');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pipelines');
    await page.keyboard.press('Enter');

    await expect(app.toasts).toContainText('Renamed "ci" to "pipelines" on 2 keys.');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByLabel('Filter by label')).toHaveValue('pipelines');
    await expect(keys.rows).toHaveCount(2);
    await expect(keys.row('alpha deploy')).toContainText('pipelines');
    await expect(keys.row('alpha deploy')).toContainText('prod');
    await expect(
      page.getByLabel('Filter by label').locator('option', { hasText: /^ci$/ }),
    ).toHaveCount(0);

    const { keys: list } = await call<Output<'keys:list'>>(core, 'keys:list', {
      serverId: server.id,
    });
    const labelsOf = (d: string) => list.find((k) => k.description === d)?.labels;
    expect(labelsOf('alpha deploy')).toEqual(['pipelines', 'prod']);
    expect(labelsOf('beta deploy')).toEqual(['pipelines']);
    expect(labelsOf('gamma backup')).toEqual(['nightly']);
  });
});
