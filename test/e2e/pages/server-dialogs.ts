import type { Locator, Page } from '@playwright/test';

/** Add server, trust certificate and sign-in dialogs. */
export class ServerDialogs {
  readonly add: Locator;
  readonly trust: Locator;
  readonly signIn: Locator;

  constructor(readonly page: Page) {
    this.add = page.getByTestId('add-server-dialog');
    this.trust = page.getByTestId('trust-dialog');
    this.signIn = page.getByTestId('sign-in-dialog');
  }

  async addServer(url: string, name: string): Promise<void> {
    await this.add.getByLabel('Server address').fill(url);
    await this.add.getByLabel(/^Name/).fill(name);
    await this.add.getByRole('button', { name: 'Add server' }).click();
  }

  /** In the add dialog: open Advanced and set a given proxy, with credentials when given. */
  async useProxy(url: string, credentials?: { username: string; password: string }): Promise<void> {
    await this.add.getByText('Advanced').click();
    await this.add.getByRole('radio', { name: /This proxy/ }).check();
    await this.add.getByLabel(/Proxy address/).fill(url);
    if (credentials) {
      await this.add.getByLabel(/Proxy user name/).fill(credentials.username);
      await this.add.getByLabel(/Proxy password/).fill(credentials.password);
    }
  }

  async signInWithPassword(username: string, password: string): Promise<void> {
    await this.signIn.getByRole('radio', { name: 'Username and password' }).click();
    await this.signIn.getByLabel('Username').fill(username);
    await this.signIn.getByLabel('Password').fill(password);
    await this.signIn.getByRole('button', { name: 'Sign in' }).click();
  }

  async signInWithKey(token: string): Promise<void> {
    await this.signIn.getByRole('radio', { name: 'API key' }).click();
    await this.signIn.getByLabel(/^API key/).fill(token);
    await this.signIn.getByRole('button', { name: 'Sign in' }).click();
  }
}
