import type { Page } from '@playwright/test';
import type { Output } from '../../electron/contract/ipc';
import { demoHeldKeys } from '../rancher-sim';
import { expect, test } from './fixtures';
import { addSignedInServer, call, windowSizes } from './helpers';
import type { AppPage } from './pages/app-page';
import { KeysPage } from './pages/keys-page';

const LONG = 10_000;
const longDescription = `long description ${'x'.repeat(LONG)}`;
const longCluster = `cluster-${'y'.repeat(LONG)}`;

/**
 * axe in both themes (issue 17): the theme follows the system, so the page's colour scheme is
 * switched in place and the same screen is checked again, then put back to light.
 */
async function expectAccessibleInBothThemes(app: AppPage, page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`${what} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every row's Copy (or Store secret…) and menu button must be inside the viewport. */
async function expectRowActionsInView(app: AppPage, keys: KeysPage): Promise<number> {
  const ids = new Set<string>();
  // The body is virtualised: walk it a screen at a time and check each row once.
  for (let guard = 0; guard < 20; guard++) {
    for (const id of await keys.keyIds()) {
      if (ids.has(id)) continue;
      const row = keys.rowById(id);
      await row.scrollIntoViewIfNeeded();
      await app.expectInViewport(keys.primaryAction(row), `${id}'s Copy / Store secret`);
      await app.expectInViewport(keys.menuButton(row), `${id}'s row menu button`);
      ids.add(id);
    }
    const moved = await keys.table.locator('.virtual-scroll').evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight;
      return el.scrollTop !== before;
    });
    if (!moved) break;
  }
  await keys.table.locator('.virtual-scroll').evaluate((el) => (el.scrollTop = 0));
  return ids.size;
}

/** The header's cells line up with the first row's (same left edge per visible column). */
async function headerAligned(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const header = document.querySelector('[data-testid="keys-table"] .row.header');
    const row = document.querySelector('[data-testid="key-row"]');
    if (!header || !row) return false;
    const lefts = (el: Element) =>
      [...el.children]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => Math.round(c.getBoundingClientRect().left));
    return JSON.stringify(lefts(header)) === JSON.stringify(lefts(row));
  });
}

test.describe('layout at every window size', () => {
  test.use({ simOptions: { tls: true, seed: 'demo', version: '2.13' } });

  for (const size of windowSizes) {
    const label = `${size.width}x${size.height}`;
    test(`keys, menu, dialogs, expiring and settings fit at ${label}`, async ({
      app,
      page,
      core,
      sim,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      // A server answer with a 10,000-character description and cluster name (issue 9 item 7).
      sim.state.addCluster({ id: 'c-m-longname', name: longCluster });
      const long = sim.state.addToken({
        user: sim.admin.id,
        description: longDescription,
        ttlMs: 30 * 86_400_000,
        clusterId: 'c-m-longname',
      });
      const server = await addSignedInServer(core, sim, 'Demo Rancher');
      for (const { token, labels } of demoHeldKeys) {
        const issued = sim.seeded[token];
        if (issued)
          await call(core, 'keys:import', { serverId: server.id, bearer: issued.bearer, labels });
      }
      await call(core, 'keys:import', { serverId: server.id, bearer: long.bearer, labels: [] });
      const { keys: listed } = await call<Output<'keys:list'>>(core, 'keys:list', {
        serverId: server.id,
      });

      const keys = new KeysPage(page);
      await app.open();
      await expect(keys.row('ci pipeline')).toBeVisible();

      // The sidebar is a rail below ~1000 px, a full column above.
      const sidebarWidth = (await app.sidebar.boundingBox())?.width ?? 0;
      if (size.width < 1000) expect(sidebarWidth).toBeLessThan(80);
      else expect(sidebarWidth).toBeGreaterThan(200);

      // Every row's actions are on screen, and the grid never scrolls sideways.
      const checked = await expectRowActionsInView(app, keys);
      expect(checked).toBe(listed.filter((k) => k.kind === 'api_key').length);
      const overflow = await keys.table.evaluate((t) => t.scrollWidth - t.clientWidth);
      expect(overflow, 'the table does not overflow sideways').toBeLessThanOrEqual(0);

      // Lower-value columns drop by priority; the state column never clips its chips.
      const created = page.getByRole('columnheader', { name: 'Created' });
      if (size.width >= 1920) await expect(created).toBeVisible();
      else await expect(created).toBeHidden();
      for (const state of await keys.rows.getByTestId('key-state').all()) {
        const fits = await state.evaluate((cell) => {
          const chips = cell.querySelector('.chips');
          return (
            chips !== null &&
            chips.getBoundingClientRect().right <= cell.getBoundingClientRect().right &&
            cell.scrollWidth <= cell.clientWidth
          );
        });
        expect(fits, 'state chips fit their cell').toBe(true);
      }

      // Long server text ellipsises, with the whole text in the title.
      const longRow = keys.row('long description');
      const desc = longRow.locator('.cell-desc');
      // The whole description the core holds (it bounds server strings) is in the title.
      const stored = listed.find((k) => k.description.startsWith('long description'));
      expect(stored?.description.length).toBeGreaterThan(200);
      await expect(desc).toHaveAttribute('title', stored?.description ?? '');
      expect(await desc.evaluate((c) => c.scrollWidth > c.clientWidth)).toBe(true);
      // Scope shows the cluster's name (issue 17 item 6), ellipsised, with name and id in the title.
      if (size.width >= 1280) {
        const scope = longRow.locator('.cell-scope');
        // The core keeps a cluster name to a length Rancher could produce (256 characters).
        await expect(scope).toHaveAttribute('title', `${longCluster.slice(0, 256)} (c-m-longname)`);
        expect(await scope.evaluate((c) => c.scrollWidth > c.clientWidth)).toBe(true);
        await expect(keys.row('prod-eu only').locator('.cell-scope')).toHaveText('prod-eu');
      }

      // Toolbar on one row from 1280 up.
      if (size.width >= 1280) {
        const height = (await page.getByRole('search').boundingBox())?.height ?? 0;
        expect(height, 'toolbar height (one row)').toBeLessThan(40);
      }

      expect(await headerAligned(page), 'header aligned with rows').toBe(true);
      await expectAccessibleInBothThemes(app, page, `keys view at ${label}`);
      await app.screenshot(`layout-${label}-keys`);

      // Copy is clickable and confirms itself on the button.
      await keys.copy('ci pipeline');
      await expect(keys.row('ci pipeline').getByTestId('copy')).toContainText('Copied ✓');
      expect((await app.clipboard()).current).toBe(sim.seeded.active?.bearer);

      // The long key's menu and its delete dialog stay on screen, buttons included.
      await keys.menuButton(longRow).click();
      await expect(keys.menu).toBeVisible();
      expect(await headerAligned(page), 'header aligned with rows while a menu is open').toBe(true);
      await app.expectInViewport(keys.menu, 'row menu');
      await app.screenshot(`layout-${label}-menu`);
      await keys.menu.getByRole('menuitem', { name: 'Delete…' }).click();
      const dialog = page.getByTestId('delete-dialog');
      await expect(dialog).toBeVisible();
      await app.expectInViewport(dialog, 'delete dialog');
      await app.expectInViewport(dialog.getByRole('button', { name: 'Cancel' }), 'Cancel');
      await app.expectInViewport(dialog.getByTestId('confirm-delete'), 'Delete key');
      await expectAccessibleInBothThemes(app, page, `delete dialog at ${label}`);
      await app.screenshot(`layout-${label}-dialog`);
      await page.keyboard.press('Escape');

      // The Expiring view's actions.
      await app.openExpiring();
      const expiring = page.getByTestId('expiring-row');
      await expect(expiring.first()).toBeVisible();
      for (const row of await expiring.all()) {
        for (const button of await row.getByRole('button').all()) {
          await app.expectInViewport(
            button,
            `expiring ${(await button.getAttribute('aria-label')) ?? ''}`,
          );
        }
      }
      await expectAccessibleInBothThemes(app, page, `expiring view at ${label}`);
      await app.screenshot(`layout-${label}-expiring`);

      await app.openSettings();
      await expect(page.getByTestId('app-version')).toBeVisible();
      const settingsOverflow = await page
        .locator('.settings-view')
        .evaluate((v) => v.scrollWidth - v.clientWidth);
      expect(settingsOverflow, 'settings do not overflow sideways').toBeLessThanOrEqual(0);
      await expectAccessibleInBothThemes(app, page, `settings at ${label}`);
      await app.screenshot(`layout-${label}-settings`);
    });
  }

  for (const size of windowSizes.slice(0, 2)) {
    const label = `${size.width}x${size.height}`;
    test(`main journeys at ${label}: store a secret, copy by keyboard, collapsed sidebar`, async ({
      app,
      page,
      core,
      sim,
    }) => {
      await page.setViewportSize(size);
      await addSignedInServer(core, sim, 'Demo Rancher');
      const keys = new KeysPage(page);
      await app.open();
      // The page has an icon (tabs, bookmarks), served beside it.
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      const served = await page.request.get(new URL(icon ?? '', page.url()).href);
      expect(served.headers()['content-type']).toBe('image/svg+xml');
      const row = keys.row('terraform');
      await expect(row).toBeVisible();

      // "No secret" rows offer Store secret…, Import pre-filled with the access key.
      const store = keys.primaryAction(row);
      await expect(store).toContainText('Store secret…');
      await app.expectInViewport(store, 'Store secret…');
      await store.click();
      const dialog = page.getByTestId('import-key-dialog');
      const name = sim.seeded.expiresIn5d!.name;
      await expect(dialog.getByTestId('import-access-key')).toHaveText(name);
      await expectAccessibleInBothThemes(app, page, `store secret dialog at ${label}`);
      await dialog.getByLabel(/^Secret key/).fill(sim.seeded.expiresIn5d!.secret);
      await dialog.getByRole('button', { name: 'Store secret' }).click();
      await expect(dialog).toBeHidden();
      await expect(keys.primaryAction(row)).toContainText(/^Copy/);

      // Copy from the keyboard: search, then Enter on the cursor row.
      await keys.search.fill('terraform');
      await expect(keys.rows).toHaveCount(1);
      await keys.table.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await app.clipboard()).current)
        .toBe(sim.seeded.expiresIn5d!.bearer);

      // The collapsed sidebar opens over the content and switches views.
      if (size.width < 1000) {
        await page.getByTestId('sidebar-toggle').click();
        await expect(app.server('Demo Rancher')).toContainText('Demo Rancher');
        await app.expectInViewport(
          app.server('Demo Rancher').locator('.server-name'),
          'server name',
        );
        await expectAccessibleInBothThemes(app, page, `open sidebar at ${label}`);
        await app.screenshot(`layout-${label}-sidebar-open`);
        await app.openSettings();
        await expect(page.getByTestId('app-version')).toBeVisible();
        expect((await app.sidebar.boundingBox())?.width ?? 0).toBeLessThan(80);
      }
    });
  }
});
