import type { Locator, Page } from '@playwright/test';

/** The activity view: filters, entries, export. */
export class ActivityPage {
  readonly rows: Locator;
  readonly count: Locator;
  readonly keyFilter: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('activity-row');
    this.count = page.getByTestId('activity-count');
    this.keyFilter = page.getByTestId('activity-key');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Servers and views' })
      .getByRole('button', { name: 'Activity' })
      .click();
  }

  async filterByAction(label: string): Promise<void> {
    await this.page.getByLabel('Action').selectOption({ label });
    await this.page.getByRole('button', { name: 'Apply' }).click();
  }

  async setRetention(mb: number, days: number): Promise<void> {
    await this.page.getByLabel('Keep up to').fill(String(mb));
    await this.page.getByLabel('Keep entries for this many days').fill(String(days));
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear' }).click();
  }

  /** Exports and returns the file's name and text. */
  async export(format: 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Export ${format}` }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
