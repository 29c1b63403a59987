import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Bridge } from '../../bridge/server';

const shots = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../.artifacts/screenshots',
);

/** The whole window: sidebar, banners, toasts, and the way to the views. */
export class AppPage {
  readonly sidebar: Locator;
  readonly servers: Locator;
  readonly toasts: Locator;
  readonly dialog: Locator;
  readonly expiryBanner: Locator;
  readonly keychainBanner: Locator;

  constructor(
    readonly page: Page,
    readonly bridge: Bridge,
  ) {
    this.sidebar = page.getByRole('navigation', { name: 'Servers and views' });
    this.servers = page.getByTestId('server-item');
    this.toasts = page.getByTestId('toasts');
    this.dialog = page.getByRole('dialog');
    this.expiryBanner = page.getByTestId('expiry-banner');
    this.keychainBanner = page.getByTestId('keychain-banner');
  }

  async open(): Promise<void> {
    await this.page.goto(this.bridge.url);
  }

  server(name: string): Locator {
    return this.servers.filter({ hasText: name });
  }

  async openSettings(): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'Settings' }).click();
  }

  async openExpiring(): Promise<void> {
    await this.sidebar.getByRole('button', { name: /^Expiring/ }).click();
  }

  /** What the bridge's recording clipboard holds (copying happens in main, not the page). */
  async clipboard(): Promise<{ current: string; writes: string[] }> {
    const response = await this.page.request.get(
      `${this.bridge.origin}/__bridge/test/clipboard?t=${this.bridge.token}`,
    );
    return (await response.json()) as { current: string; writes: string[] };
  }

  /** Runs axe on the page as it is; fails with the violations listed. */
  async expectAccessible(what: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary, `axe violations on ${what}`).toEqual([]);
  }

  /**
   * Fails unless `locator`'s whole box lies inside the viewport (not merely clickable after a
   * scroll: the window itself must show it).
   */
  async expectInViewport(locator: Locator, what: string): Promise<void> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize();
    expect(box, `${what} is rendered`).not.toBeNull();
    expect(size).not.toBeNull();
    if (!box || !size) return;
    const inside =
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= size.width + 0.5 &&
      box.y + box.height <= size.height + 0.5;
    expect(
      inside,
      `${what} at x=${box.x.toFixed(0)}..${(box.x + box.width).toFixed(0)}, y=${box.y.toFixed(0)}..${(box.y + box.height).toFixed(0)} is inside the ${size.width}x${size.height} viewport`,
    ).toBe(true);
  }

  /** Saves a screenshot under .artifacts/screenshots (kept: Playwright wipes its outputDir). */
  async screenshot(name: string): Promise<void> {
    mkdirSync(shots, { recursive: true });
    await this.page.screenshot({ path: path.join(shots, `${name}.png`) });
  }
}
