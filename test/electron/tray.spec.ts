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

test.describe('tray and taskbar images', () => {
  test('the macOS menu bar icon is a template image (black and alpha, tinted by macOS)', async ({
    app,
  }) => {
    const template = await app.evaluate(({ nativeImage, app: electronApp }) => {
      const file = `${electronApp.getAppPath()}/dist/icons/trayTemplate.png`;
      const image = nativeImage.createFromPath(file);
      return { empty: image.isEmpty(), template: image.isTemplateImage() };
    });
    expect(template.empty).toBe(false);
    // Electron marks a …Template.png as a template image where templates exist (macOS).
    expect(template.template).toBe(process.platform === 'darwin');
  });

  test('the taskbar overlay follows a key into its expiring window', async ({ app, page, sim }) => {
    const serverId = await addSimServer(page, sim);
    await importSimKey(page, sim, serverId, { description: 'soon', ttlMs: 2 * DAY });
    await app.evaluate(
      (_electron, ms) => (globalThis as unknown as E2eGlobal).__rancherKeysE2E.advanceClock(ms),
      2 * DAY - 3_600_000,
    );
    await expect
      .poll(async () => {
        const model = await app.evaluate(() =>
          (globalThis as unknown as E2eGlobal).__rancherKeysE2E.trayModel(),
        );
        return model.overlay;
      })
      .toEqual({ kind: 'expiring', description: '1 key expiring soon' });
  });
});
