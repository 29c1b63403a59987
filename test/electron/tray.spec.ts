import { addSimServer, importSimKey, expect, test, type E2eGlobal } from './electron-app';

const DAY = 86_400_000;

test.describe('tray', () => {
  test('lists the server and its keys when a key is imported', async ({ app, page, sim }) => {
    const serverId = await addSimServer(page, sim);
    const issued = await importSimKey(page, sim, serverId, {
      description: 'tray key',
      ttlMs: 30 * DAY,
    });

    const model = await app.evaluate(() =>
      (globalThis as unknown as E2eGlobal).__rancherKeysE2E.trayModel(),
    );
    const ids = JSON.stringify(model.items);
    expect(ids).toContain(`"switch:${serverId}"`);
    expect(ids).toContain(`"copy:${serverId}:${issued.name}"`);
    expect(model.items.slice(-3).map((i) => i.id)).toEqual(['open', 'refresh', 'quit']);
  });

  test('copies the bearer token to the clipboard when its tray item is clicked', async ({
    app,
    page,
    sim,
  }) => {
    const serverId = await addSimServer(page, sim);
    const issued = await importSimKey(page, sim, serverId, {
      description: 'copy me',
      ttlMs: 30 * DAY,
    });

    await app.evaluate(
      (_electron, id) => (globalThis as unknown as E2eGlobal).__rancherKeysE2E.clickTray(id),
      `copy:${serverId}:${issued.name}`,
    );
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toBe(issued.bearer);
  });
});
