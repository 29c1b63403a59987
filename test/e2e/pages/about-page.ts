import type { Locator, Page } from '@playwright/test';

/** The "about this app" facts the window shows: version and keychain status. */
export class AboutPage {
  readonly version: Locator;
  readonly keychainStatus: Locator;
  readonly keychainFix: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('app-version');
    this.keychainStatus = page.getByTestId('keychain-status');
    this.keychainFix = page.getByTestId('keychain-fix');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }
}
