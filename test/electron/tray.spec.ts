import { addSimServer, expect, invoke, test, type E2eGlobal } from './electron-app';

const DAY = 86_400_000;

test.describe('tray', () => {
  test('lists the server and its keys when a key is imported', async ({ app, page, sim }) => {
    const serverId = await addSimServer(page, sim);
    const issued = sim.state.addToken({
      user: sim.admin.id,
      description: 'tray key',
      ttlMs: 30 * DAY,
    });
    await invoke(page, 'keys:import', { serverId, bearer: issued.bearer });

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
    const issued = sim.state.addToken({
      user: sim.admin.id,
      description: 'copy me',
      ttlMs: 30 * DAY,
    });
    await invoke(page, 'keys:import', { serverId, bearer: issued.bearer });

    await app.evaluate(
      (_electron, id) => (globalThis as unknown as E2eGlobal).__rancherKeysE2E.clickTray(id),
      `copy:${serverId}:${issued.name}`,
    );
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toBe(issued.bearer);
  });
});
