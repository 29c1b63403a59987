import { addSimServer, importSimKey, expect, test, type E2eGlobal } from './electron-app';

const DAY = 86_400_000;

test.describe('expiry notifications', () => {
  test('announces a key due within a day when the clock moves past its threshold', async ({
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
      DAY + 60_000,
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
        `API key expires in 1 day | nightly backup (${issued.name}) on Simulated Rancher expires in 1 day.`,
      );
  });
});
