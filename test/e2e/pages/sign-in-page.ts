import type { Locator, Page } from '@playwright/test';

/** The sign-in dialog's single sign-on parts: the choices, the running flow, its outcome. */
export class SignInPage {
  readonly dialog: Locator;
  /** The large code: the SAML request id or the Azure user code. */
  readonly code: Locator;
  /** The live progress line. */
  readonly state: Locator;
  readonly cancel: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('sign-in-dialog');
    this.code = this.dialog.getByTestId('sso-code');
    this.state = this.dialog.getByTestId('sso-state');
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel sign-in' });
    this.error = this.dialog.getByTestId('error-notice');
  }

  method(name: string): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  /** A button that starts a flow, e.g. "Sign in with Okta". */
  start(name: string): Locator {
    return this.dialog.getByRole('button', { name });
  }

  action(name: string | RegExp): Locator {
    return this.dialog.getByRole('button', { name });
  }
}
