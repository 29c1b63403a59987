import type { Locator, Page } from '@playwright/test';

/** The clean-up view: groups with counts, members, and the bulk revocation dialogs. */
export class HygienePage {
  readonly groups: Locator;
  readonly members: Locator;
  readonly review: Locator;
  readonly confirm: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.groups = page.getByTestId('hygiene-group');
    this.members = page.getByTestId('member-row');
    this.review = page.getByTestId('cleanup-review');
    this.confirm = page.getByTestId('cleanup-confirm');
    this.results = page.getByTestId('cleanup-results');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Servers and views' })
      .getByRole('button', { name: 'Clean up' })
      .click();
  }

  group(id: string): Locator {
    return this.groups.and(this.page.locator(`[data-group="${id}"]`));
  }

  count(id: string): Locator {
    return this.group(id).getByTestId('group-count');
  }

  async show(id: string): Promise<void> {
    await this.group(id).getByRole('button', { name: /^Show/ }).click();
  }

  async choose(id: string): Promise<void> {
    await this.group(id).getByRole('checkbox').check();
  }

  async startReview(): Promise<void> {
    await this.page.getByTestId('hygiene-review').click();
  }
}
