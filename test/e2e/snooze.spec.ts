import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';

const DAY = 86_400_000;

test.describe('snooze warnings', () => {
  // Keys warn in the last quarter of their own lifetime: these live a month and are a few days from
  // their end when the window opens (a key made for two days would not be "expiring soon" yet).
  test.use({ manualClock: true });

  test('snoozing a near-expiry key drops it from the banner and the server count, and stopping brings it back', async ({
    app,
    page,
    core,
    sim,
    clock,
  }) => {
    const server = await addSignedInServer(core, sim, 'Sim', 'api_key');
    for (const [description, days] of [
      ['two days', 2],
      ['three days', 3],
    ] as const) {
      await call<Output<'keys:create'>>(core, 'keys:create', {
        serverId: server.id,
        description,
        expiry: { kind: 'duration', ms: (27 + days) * DAY },
      });
    }
    clock!.advance(27 * DAY);
    await call(core, 'keys:refresh', { serverId: server.id });
    const keys = new KeysPage(page);
    await app.open();
    await expect(app.expiryBanner).toContainText('2 keys expiring soon');
    await expect(app.server('Sim').getByLabel('2 keys near expiry')).toBeVisible();

    // From the keyboard: the row's menu, then down to "Until it expires".
    await keys.row('two days').click();
    await keys.row('two days').getByTestId('row-menu-button').focus();
    await page.keyboard.press('Enter');
    await expect(keys.menu).toBeVisible();
    const snooze = keys.menu.getByRole('group', { name: 'Snooze warnings' });
    await expect(snooze.getByRole('menuitem')).toHaveText([
      'For 1 day',
      'For 7 days',
      'Until it expires',
    ]);
    await app.expectAccessible('row menu with snooze choices');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect(snooze.getByRole('menuitem', { name: 'Until it expires' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(app.toasts).toContainText('Warnings snoozed until');
    const mark = keys.row('two days').getByTestId('snoozed-mark');
    await expect(mark).toHaveAttribute('aria-label', /^Warnings snoozed until /);
    await expect(app.expiryBanner).toContainText('1 key expiring soon');
    await expect(app.server('Sim').getByLabel('1 keys near expiry')).toBeVisible();
    const { keys: list } = await call<Output<'keys:list'>>(core, 'keys:list', {
      serverId: server.id,
    });
    const snoozed = list.find((k) => k.description === 'two days');
    expect(Date.parse(snoozed?.snoozedUntil ?? '')).toBe(Date.parse(snoozed?.expiresAt ?? ''));
    await app.expectAccessible('keys view with a snoozed key');

    await keys.menuAction('two days', 'Stop snoozing');
    await expect(mark).toHaveCount(0);
    await expect(app.expiryBanner).toContainText('2 keys expiring soon');
  });
});
