import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { ActivityPage } from './pages/activity-page';
import { KeysPage } from './pages/keys-page';

test.describe('activity log', () => {
  test('records what was done, opens a key history from its row menu, filters and exports', async ({
    app,
    page,
    core,
    sim,
  }) => {
    // A server name a spreadsheet would run as a formula.
    const server = await addSignedInServer(core, sim, '=Sim');
    const created = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: server.id,
      description: 'history key',
      expiry: { kind: 'max' },
    });
    const keys = new KeysPage(page);
    const activity = new ActivityPage(page);
    await app.open();
    await keys.copy('history key');
    await expect(app.toasts).toContainText('copied');

    await keys.menuAction('history key', 'History');
    await expect(activity.keyFilter).toHaveValue(created.key.id);
    await expect(activity.rows).toHaveCount(2);
    await expect(activity.rows.nth(0)).toContainText('Copied');
    await expect(activity.rows.nth(0)).toContainText('format bearer');
    await expect(activity.rows.nth(1)).toContainText('Created');
    await app.expectAccessible('activity view (key history)');

    await activity.clearFilters();
    await expect(activity.count).toHaveText('5 entries');
    await activity.filterByAction('Signed in');
    await expect(activity.rows).toHaveCount(1);
    await app.screenshot('activity');

    await activity.clearFilters();
    const csv = await activity.export('CSV');
    expect(csv.name).toMatch(/^rancher-keys-activity-\d{4}-\d\d-\d\d\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,serverId,serverName,keyId,action,outcome,errorCode,detail');
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((l) => l.includes(",'=Sim,"))).toBe(true);
    const json = await activity.export('JSON');
    expect((JSON.parse(json.text) as unknown[]).length).toBe(5);
  });

  test('shows a renewal that revoked the old key at once as the renewal and the revocation', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const server = await addSignedInServer(core, sim, 'Sim');
    const old = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: server.id,
      description: 'renew now',
      expiry: { kind: 'max' },
    });
    const keys = new KeysPage(page);
    const activity = new ActivityPage(page);
    await app.open();
    await keys.menuAction('renew now', 'Renew…');
    await page.getByRole('radio', { name: 'Revoke the old key now' }).check();
    await page.getByTestId('confirm-renew').click();
    await page.getByTestId('renewed-dialog').getByRole('button', { name: 'Done' }).click();

    await activity.open();
    await activity.keyFilter.fill(old.key.id);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(activity.rows).toHaveCount(3);
    await expect(activity.rows.nth(0)).toContainText('Renewed');
    await expect(activity.rows.nth(1)).toContainText('Revoked');
    await expect(activity.rows.nth(1)).toContainText('renewed; old key revoked at once');
    await expect(activity.rows.nth(2)).toContainText('Created');
    await app.expectAccessible('activity view (a renewal and its revocation)');
  });

  test('passes axe empty and at 900x600, and saves the retention limits', async ({
    app,
    page,
    core,
  }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    const activity = new ActivityPage(page);
    await app.open();
    await app.sidebar.waitFor();
    await activity.open();
    await expect(page.getByTestId('activity-empty')).toBeVisible();
    await app.expectAccessible('empty activity view');
    await activity.setRetention(20, 30);
    await expect(app.toasts).toContainText('Retention saved.');
    const { settings } = await call<Output<'settings:get'>>(core, 'settings:get', {});
    expect([settings.activityMaxMb, settings.activityMaxAgeDays]).toEqual([20, 30]);
  });
});
