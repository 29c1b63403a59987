import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call, simBearer } from './helpers';
import { KeysPage } from './pages/keys-page';

test.describe('keys of a signed-in server', () => {
  test.beforeEach(async ({ core, sim }) => {
    await addSignedInServer(core, sim);
  });

  test('creates a key within the server maximum, stores it and copies its parts', async ({
    app,
    page,
    sim,
  }) => {
    const keys = new KeysPage(page);
    await app.open();
    await keys.newKey.click();
    const dialog = page.getByTestId('create-key-dialog');
    await expect(dialog.getByTestId('max-ttl')).toHaveText('maximum allowed: 90 days');
    await expect(dialog.getByRole('radio', { name: 'Never expires' })).toHaveCount(0);
    await app.expectAccessible('create key dialog');
    await dialog.getByLabel('Description').fill('e2e pipeline');
    await dialog.getByLabel(/^Labels/).fill('ci, e2e');
    await dialog.getByRole('radio', { name: '7 days' }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const created = page.getByTestId('key-created-dialog');
    await expect(created.getByTestId('stored-in-keychain')).toBeVisible();
    await app.expectAccessible('key created dialog');
    const accessKey =
      (await created.getByTestId('stored-in-keychain').locator('.mono').textContent()) ?? '';
    await created.getByTestId('copy-secret_key').click();
    await expect(app.toasts).toContainText(/^Secret key of token-\w+ copied, clears in \d+ s/);
    const secret = sim.state.tokens.get(accessKey)?.secret;
    expect(secret).toBeTruthy();
    expect((await app.clipboard()).current).toBe(secret);
    await created.getByTestId('copy-bearer').click();
    expect((await app.clipboard()).current).toBe(simBearer(sim, accessKey));
    await created.getByRole('button', { name: 'Done' }).click();

    await expect(keys.row('e2e pipeline')).toContainText('in 6d');
    await expect(keys.row('e2e pipeline')).toContainText('ci');
  });

  test('copies a key in one click and the clipboard holds the bearer the server knows', async ({
    app,
    page,
    sim,
    core,
  }) => {
    const out = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: (await call<Output<'servers:list'>>(core, 'servers:list', {})).activeId,
      description: 'copy me',
      expiry: { kind: 'max' },
    });
    const keys = new KeysPage(page);
    await app.open();
    await keys.copy('copy me');
    await expect(keys.row('copy me').getByTestId('copy')).toContainText('Copied ✓');
    await expect(app.toasts).toContainText(`Bearer token of ${out.key.id} copied, clears in`);
    expect((await app.clipboard()).current).toBe(simBearer(sim, out.key.name));

    await keys.row('copy me').click();
    await keys.menuAction('copy me', 'Access key');
    await expect.poll(async () => (await app.clipboard()).current).toBe(out.key.id);
    // One copy toast at a time, naming the part; the access key is not secret, so it stays.
    await expect(app.toasts.locator('.toast')).toHaveCount(1);
    await expect(app.toasts).toHaveText(new RegExp(`^Access key of ${out.key.id} copied×?$`));
  });

  test('edits labels and finds keys by search and by label', async ({ app, page, core }) => {
    const { activeId } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    for (const description of ['alpha deploy', 'beta backup', 'gamma deploy']) {
      await call(core, 'keys:create', { serverId: activeId, description, expiry: { kind: 'max' } });
    }
    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.rows.filter({ hasText: /alpha|beta|gamma/ })).toHaveCount(3);
    await keys.menuAction('beta backup', 'Edit labels…');
    const dialog = page.getByTestId('labels-dialog');
    await app.expectAccessible('labels dialog');
    await dialog.getByLabel(/^Labels/).fill('nightly, storage');
    await dialog.getByRole('button', { name: 'Save labels' }).click();
    await expect(keys.row('beta backup')).toContainText('nightly');

    await keys.search.fill('deploy');
    await expect(keys.rows).toHaveCount(2);
    await keys.search.fill('nightly');
    await expect(keys.rows).toHaveCount(1);
    await expect(keys.rows.first()).toContainText('beta backup');
    await keys.search.fill('nothing like this');
    await expect(page.getByTestId('no-match')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByLabel('Filter by label').selectOption('storage');
    await expect(keys.rows).toHaveCount(1);
  });

  test('renews a key: a new key replaces it and the old one is revoked', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const { activeId } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    const old = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: activeId,
      description: 'renew me',
      expiry: { kind: 'duration', ms: 86_400_000 },
    });
    const keys = new KeysPage(page);
    await app.open();
    await keys.menuAction('renew me', 'Renew…');
    await app.expectAccessible('renew dialog');
    // Renewing overlaps by default; revoking at once is a choice.
    await expect(page.getByRole('radio', { name: 'Keep the old key for 1 day' })).toBeChecked();
    await page.getByRole('radio', { name: 'Revoke the old key now' }).check();
    await page.getByTestId('confirm-renew').click();
    const done = page.getByTestId('renewed-dialog');
    await expect(done.getByTestId('stored-in-keychain')).toContainText('is revoked');
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(keys.rows.filter({ hasText: 'renew me' })).toHaveCount(1);
    await expect(keys.row(old.key.id)).toHaveCount(0);
    expect(sim.state.tokens.has(old.key.name)).toBe(false);
  });

  test('deletes a key after a confirmation that says what breaks', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const { activeId } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    const out = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: activeId,
      description: 'delete me',
      expiry: { kind: 'max' },
    });
    const keys = new KeysPage(page);
    await app.open();
    await keys.menuAction('delete me', 'Delete…');
    const dialog = page.getByTestId('delete-dialog');
    await expect(dialog).toContainText('Anything using this key loses access.');
    await app.expectAccessible('delete dialog');
    await page.getByTestId('confirm-delete').click();
    await expect(keys.row('delete me')).toHaveCount(0);
    expect(sim.state.tokens.has(out.key.name)).toBe(false);
  });

  test('deletes several selected keys at once, and expired keys in one step', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const { activeId } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    for (const description of ['bulk one', 'bulk two', 'keep me']) {
      await call(core, 'keys:create', { serverId: activeId, description, expiry: { kind: 'max' } });
    }
    const admin = sim.state.findUser(sim.admin.username)!;
    sim.state.addToken({
      user: admin.id,
      description: 'long gone',
      ttlMs: 60_000,
      createdMs: Date.now() - 3_600_000,
    });
    await call(core, 'keys:refresh', { serverId: activeId });
    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.row('long gone')).toContainText('Expired');
    // Deleting expired keys confirms like any delete, listing what it revokes.
    await page.getByTestId('delete-expired').click();
    const confirm = page.getByTestId('delete-dialog');
    await expect(confirm).toContainText('long gone');
    await app.expectAccessible('delete expired dialog');
    await page.getByTestId('confirm-delete').click();
    await expect(keys.row('long gone')).toHaveCount(0);

    await keys.select('bulk one');
    await keys.select('bulk two');
    await page.getByTestId('bulk-delete').click();
    await expect(page.getByTestId('delete-dialog')).toContainText('Delete 2 keys?');
    await expect(page.getByTestId('delete-list').locator('li')).toHaveText([
      /bulk (one|two)/,
      /bulk (one|two)/,
    ]);
    await page.getByTestId('confirm-delete').click();
    await expect(keys.rows.filter({ hasText: 'bulk' })).toHaveCount(0);
    await expect(keys.row('keep me')).toHaveCount(1);
  });
});
