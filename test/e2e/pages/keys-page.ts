import type { Locator, Page } from '@playwright/test';

/** The active server's keys view: toolbar, table, row menu. */
export class KeysPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly newKey: Locator;
  readonly freshness: Locator;
  readonly menu: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('keys-table');
    this.rows = page.getByTestId('key-row');
    this.search = page.getByTestId('search');
    this.newKey = page.getByTestId('new-key');
    this.freshness = page.getByTestId('freshness');
    this.menu = page.getByTestId('row-menu');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** A row's primary action: Copy, or "Store secret…" when the app holds no secret. */
  primaryAction(row: Locator): Locator {
    return row.getByRole('button', { name: /^(Copy|Store secret for) / });
  }

  menuButton(row: Locator): Locator {
    return row.getByTestId('row-menu-button');
  }

  /** Every key id in the list, in order (the table is virtualised: rows come and go on scroll). */
  async keyIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key-id') ?? ''));
  }

  rowById(id: string): Locator {
    return this.page.locator(`[data-testid="key-row"][data-key-id="${id}"]`);
  }

  async copy(text: string): Promise<void> {
    await this.row(text).getByRole('button', { name: /^Copy/ }).click();
  }

  async menuAction(text: string, action: string | RegExp): Promise<void> {
    await this.row(text).getByTestId('row-menu-button').click();
    await this.menu.getByRole('menuitem', { name: action }).click();
  }

  async select(text: string): Promise<void> {
    await this.row(text).getByRole('checkbox').check();
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('refresh').click();
  }
}
