import { addSimServer, importSimKey, expect, test, type E2eGlobal } from './electron-app';

const DAY = 86_400_000;

test.describe('expiry notifications', () => {
  // A two-day key warns in the last quarter of its life (12 hours), not at the 1-day threshold:
  // the notification comes when the window and the tray call it "expiring soon".
  test('announces a two-day key when it turns expiring soon, 12 hours before its end', async ({
    app,
    page,
    sim,
  }) => {
    const serverId = await addSimServer(page, sim);
    const issued = await importSimKey(page, sim, serverId, {
      description: 'nightly backup',
      ttlMs: 2 * DAY,
    });

    await app.evaluate(
      (_electron, ms) => (globalThis as unknown as E2eGlobal).__rancherKeysE2E.advanceClock(ms),
      1.5 * DAY + 60_000,
    );

    await expect
      .poll(() =>
        app.evaluate(() =>
          (globalThis as unknown as E2eGlobal).__rancherKeysE2E.notifications.map(
            (n) => `${n.title} | ${n.body}`,
          ),
        ),
      )
      .toContainEqual(
        `API key expires in 12 hours | nightly backup (${issued.name}) on Simulated Rancher expires in 12 hours.`,
      );
  });
});
