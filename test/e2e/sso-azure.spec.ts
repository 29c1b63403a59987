import { expect, test } from './fixtures';
import { addServerForSignIn, connectAzure } from './sso-setup';

test.describe('Azure AD sign-in in the sign-in dialog (issue 15)', () => {
  // Entra's polling interval, in seconds: 1 here so a journey takes seconds, not minutes.
  test.use({ sso: true, idpOptions: { interval: 1 } });

  test('by code: the user code is large, copied by main, and the verification page opens', async ({
    app,
    page,
    sim,
    idp,
    systemBrowser,
  }) => {
    connectAzure(sim, idp);
    const signIn = await addServerForSignIn(app, page, sim);
    await expect(signIn.start('Sign in with browser (Azure AD)')).toBeVisible();
    await signIn.start('Sign in with a code (Azure AD)').click();

    // The click returns before main has asked the IdP for a code: read it once it is shown.
    await expect(signIn.code).toBeVisible();
    const userCode = idp.userCodes.at(-1) ?? '';
    expect(userCode).not.toBe('');
    await expect(signIn.code).toHaveText(userCode);
    await expect(signIn.action('Copy code')).toBeFocused();
    await app.expectAccessible('Azure AD device code waiting');

    await signIn.action('Copy code').click();
    await expect(signIn.action('Copied ✓')).toBeVisible();
    expect((await app.clipboard()).current).toBe(userCode);

    await signIn.action('Open the verification page').click();
    await expect.poll(() => systemBrowser!.opened.at(-1)).toBe(`${idp.origin}/devicelogin`);

    // At Microsoft, the user enters the code and signs in as alice.
    idp.approve(userCode, 'oid-alice');
    await expect(signIn.dialog).toHaveCount(0, { timeout: 10_000 });
    await expect(app.toasts).toContainText('Signed in to Sim.');
    await expect(app.server('Sim')).toContainText('Signed in');
  });

  test('by code: a declined sign-in is explained in one sentence', async ({
    app,
    page,
    sim,
    idp,
  }) => {
    connectAzure(sim, idp);
    const signIn = await addServerForSignIn(app, page, sim);
    await signIn.start('Sign in with a code (Azure AD)').click();
    await expect(signIn.code).toBeVisible();
    idp.deny(idp.userCodes.at(-1) ?? '');
    await expect(signIn.error).toBeVisible({ timeout: 10_000 });
    await expect(signIn.error).toContainText(/\.$/);
    await expect(signIn.start('Sign in with a code (Azure AD)')).toBeVisible();
    await app.expectAccessible('sign-in dialog explaining a declined Azure AD sign-in');
  });

  test('with the browser (PKCE): Microsoft’s page in the browser returns to the app', async ({
    app,
    page,
    sim,
    idp,
    systemBrowser,
  }) => {
    connectAzure(sim, idp);
    const signIn = await addServerForSignIn(app, page, sim);
    await signIn.start('Sign in with browser (Azure AD)').click();
    // The dialog says it waits for the browser until Entra's page returns to the app. The fake
    // returns at once, so on a quick run the sign-in can be over before this looks (one CI run
    // found the dialog already closed): either the waiting state or the success shows.
    await expect(signIn.state.or(app.toasts.getByText('Signed in to Sim.'))).toBeVisible();

    // The browser went to Entra's authorize page with PKCE, and Entra redirected to the app.
    await expect.poll(() => systemBrowser!.opened.length).toBeGreaterThan(0);
    const authorize = new URL(systemBrowser!.opened.at(-1)!);
    expect(authorize.origin).toBe(idp.origin);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);

    await expect(signIn.dialog).toHaveCount(0, { timeout: 10_000 });
    await expect(app.toasts).toContainText('Signed in to Sim.');
    const browserPage = await systemBrowser!.lastPage();
    expect(new URL(browserPage.url()).searchParams.has('code')).toBe(true);
  });
});
