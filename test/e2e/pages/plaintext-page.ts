import type { Locator, Page } from '@playwright/test';

/** The Plaintext check: files and tokens found, import, rewrite and undo. */
export class PlaintextPage {
  readonly heading: Locator;
  readonly findings: Locator;
  readonly files: Locator;
  readonly chooseAll: Locator;
  readonly importButton: Locator;
  readonly results: Locator;
  readonly rewriteDialog: Locator;
  readonly rewriteConfirm: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Plaintext check', level: 1 });
    this.findings = page.getByTestId('plaintext-finding');
    this.files = page.getByTestId('plaintext-file');
    this.chooseAll = page.getByTestId('plaintext-choose-all');
    this.importButton = page.getByTestId('plaintext-import');
    this.results = page.getByTestId('plaintext-import-results');
    this.rewriteDialog = page.getByTestId('plaintext-rewrite-dialog');
    this.rewriteConfirm = page.getByTestId('plaintext-rewrite-confirm');
  }

  /** The token row of an access key. */
  finding(accessKey: string): Locator {
    return this.findings.and(this.page.locator(`[data-access-key="${accessKey}"]`));
  }

  /** The section of a file, by the path it shows (`~/.kube/config`). */
  file(shownPath: string): Locator {
    return this.files.filter({ has: this.page.getByRole('heading', { name: shownPath }) });
  }

  /** Opens the check from Settings, as a user who declined the first run's offer would. */
  async openFromSettings(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Servers and views' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await this.page.getByTestId('open-plaintext-check').click();
  }

  async rewrite(shownPath: string): Promise<void> {
    await this.file(shownPath).getByTestId('plaintext-rewrite').click();
  }

  async undo(shownPath: string): Promise<void> {
    await this.file(shownPath).getByTestId('plaintext-undo').click();
  }
}
