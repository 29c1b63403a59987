import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every setting as the window shows it after a reload (what the core kept). */
async function shown(page: Page) {
  const toggle = (name: string) => page.getByRole('checkbox', { name }).isChecked();
  return {
    warnAtExpiry: await toggle('Warn when a key expires'),
    notifications: await toggle('Desktop notifications'),
    showSystemTokens: await toggle('Show session, kubeconfig and system tokens'),
    startAtLogin: await toggle('Start at login'),
    closeToTray: await toggle('Keep running in the tray when the window is closed'),
    theme: await page
      .getByRole('radiogroup', { name: 'Theme' })
      .getByRole('radio', { checked: true })
      .textContent(),
    clipboard: await page.getByRole('combobox', { name: /Clear the clipboard after/ }).inputValue(),
  };
}

test.describe('settings', () => {
  test('keeps every change made one after another across a reload', async ({ app, page }) => {
    await app.open();
    await app.openSettings();
    await page.getByRole('checkbox', { name: 'Desktop notifications' }).click();
    await expect(app.toasts).toContainText('Settings saved.');
    await page
      .getByRole('checkbox', { name: 'Show session, kubeconfig and system tokens' })
      .click();
    await page.getByRole('radio', { name: 'Dark' }).click();
    await page
      .getByRole('combobox', { name: /Clear the clipboard after/ })
      .selectOption({ label: '1 minute' });
    await page
      .getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' })
      .click();
    await expect(
      page.getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' }),
    ).not.toBeChecked();
    await page.reload();
    await app.openSettings();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await shown(page)).toEqual({
      warnAtExpiry: true,
      notifications: false,
      showSystemTokens: true,
      startAtLogin: false,
      closeToTray: false,
      theme: 'Dark',
      clipboard: '60000',
    });
  });

  test('keeps every change sent at the same time across a reload', async ({ app, page }) => {
    await app.open();
    await app.openSettings();
    const results = await page.evaluate(async () => {
      const api = (
        window as unknown as {
          rancherKeys: { invoke(c: string, i: unknown): Promise<{ ok: boolean }> };
        }
      ).rancherKeys;
      return Promise.all([
        api.invoke('settings:set', { warnAtExpiry: false }),
        api.invoke('settings:set', { startAtLogin: true }),
        api.invoke('settings:set', { theme: 'light' }),
        api.invoke('settings:set', { clipboardClearMs: 10_000 }),
        api.invoke('settings:set', { showSystemTokens: true }),
      ]);
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    await page.reload();
    await app.openSettings();
    await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(await shown(page)).toEqual({
      warnAtExpiry: false,
      notifications: true,
      showSystemTokens: true,
      startAtLogin: true,
      closeToTray: true,
      theme: 'Light',
      clipboard: '10000',
    });
  });
});
