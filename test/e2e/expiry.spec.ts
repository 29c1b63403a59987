import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';

const DAY = 86_400_000;

test.describe('expiry banner', () => {
  test.use({ manualClock: true });

  test('appears once a key comes within the threshold, and Review lists it by time left', async ({
    app,
    page,
    core,
    sim,
    clock,
  }) => {
    const server = await addSignedInServer(core, sim, 'Sim', 'api_key');
    for (const [description, days] of [
      ['ten days', 10],
      ['nine days', 9],
      ['sixty days', 60],
    ] as const) {
      await call<Output<'keys:create'>>(core, 'keys:create', {
        serverId: server.id,
        description,
        expiry: { kind: 'duration', ms: days * DAY },
      });
    }
    await app.open();
    await expect(page.getByTestId('key-row').filter({ hasText: 'ten days' })).toBeVisible();
    await expect(app.expiryBanner).toHaveCount(0);

    // Into the last quarter of the nine- and ten-day keys' lives (2.25 and 2.5 days): a key warns
    // relative to its own lifetime, so six days left of ten is not "expiring soon" yet.
    clock!.advance(4 * DAY);
    await call(core, 'keys:refresh', { serverId: server.id });
    await expect(app.expiryBanner).toHaveCount(0);
    clock!.advance(4 * DAY);
    await call(core, 'keys:refresh', { serverId: server.id });
    await expect(app.expiryBanner).toContainText('2 keys expiring soon', {
      timeout: 10_000,
    });
    await app.expectAccessible('keys view with expiry banner');
    await page.getByTestId('expiry-review').click();
    const rows = page.getByTestId('expiring-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('nine days');
    await expect(rows.nth(1)).toContainText('ten days');
    await app.expectAccessible('expiring view');
  });
});
