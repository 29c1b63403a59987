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

  test('keeps edited warning thresholds across a reload', async ({ app, page }) => {
    await app.open();
    await app.openSettings();
    // Defaults: 7 days and 1 day. Make them 3 days, 1 day and 12 hours.
    await page.getByLabel('Threshold 1 value').fill('3');
    await page.getByRole('button', { name: 'Add threshold' }).click();
    await page.getByLabel('Threshold 3 value').fill('12');
    await page.getByLabel('Threshold 3 unit').selectOption({ label: 'hours' });
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await expect(app.toasts).toContainText('Settings saved.');
    await page.reload();
    await app.openSettings();
    const values = await Promise.all(
      [1, 2, 3].map(async (i) => [
        await page.getByLabel(`Threshold ${i} value`).inputValue(),
        await page.getByLabel(`Threshold ${i} unit`).inputValue(),
      ]),
    );
    expect(values).toEqual([
      ['3', 'days'],
      ['1', 'days'],
      ['12', 'hours'],
    ]);
    await expect(page.getByLabel('Threshold 4 value')).toHaveCount(0);
  });
});
