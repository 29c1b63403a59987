import { expect, test } from './fixtures';

// The renderer-ready handshake (issue 18): main holds its events until the page says app:ready, so
// a notification click or a menu command sent while the window loads is not lost. The bridge holds
// events with the shell's own gate (electron/main/ipc/renderer-gate.ts).
test.describe('events sent while the page loads', () => {
  test('a menu command sent before the page listens opens its view once the page is ready', async ({
    app,
    bridge,
    page,
  }) => {
    bridge.emit('app:command', { command: 'settings' });
    await app.open();
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0-test');
  });

  test('after a reload the page gets the command sent while it reloaded', async ({
    app,
    bridge,
    page,
  }) => {
    await app.open();
    await expect(page.getByRole('button', { name: 'Add a Rancher server' })).toBeVisible();
    // The old page's event stream is gone before the new page says ready: the command waits.
    const reloaded = page.reload();
    await page.waitForEvent('framenavigated');
    bridge.emit('app:command', { command: 'settings' });
    await reloaded;
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0-test');
  });
});
