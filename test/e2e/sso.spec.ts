import type { RancherSim } from '../rancher-sim';
import { expect, test } from './fixtures';
import { windowSizes } from './helpers';
import { addServerForSignIn as addServer, connectOkta } from './sso-setup';

/** How many times the app has polled the relay authToken so far. */
function relayPolls(sim: RancherSim): number {
  return sim.requests.filter((r) => r.url.startsWith('/v1-public/authtokens/')).length;
}

test.describe('single sign-on in the sign-in dialog (issue 15)', () => {
  test.use({ sso: true });

  test('signs in with Okta over SAML: the browser page shows the same request id', async ({
    app,
    page,
    sim,
    idp,
    core,
    systemBrowser,
  }) => {
    const aliceId = connectOkta(sim, idp);
    const signIn = await addServer(app, page, sim);

    // The server offers SAML: single sign-on comes first, the key is still there.
    await expect(signIn.method('Single sign-on')).toHaveAttribute('aria-checked', 'true');
    await expect(signIn.method('API key')).toBeVisible();
    await expect(signIn.start('Sign in with Okta')).toBeVisible();
    await app.expectAccessible('sign-in dialog with single sign-on');

    await signIn.start('Sign in with Okta').click();
    await expect(signIn.code).toHaveText(/^[a-z0-9]{32}$/);
    const requestId = (await signIn.code.textContent()) ?? '';
    await expect(signIn.state).toContainText('Waiting');
    await app.expectAccessible('SAML sign-in waiting for the browser');

    // In the user's browser: Rancher's page shows the request id; it matches, so log in.
    const browserPage = await systemBrowser!.lastPage();
    await expect(browserPage.locator('#request-id')).toHaveText(requestId);
    await browserPage.getByRole('button', { name: 'Log in with okta' }).click();

    await expect(signIn.dialog).toHaveCount(0);
    await expect(app.toasts).toContainText('Signed in to Sim.');
    await expect(app.server('Sim')).toContainText('Signed in');
    // The browser ended on the server's own page (Rancher's final redirect), not an error page.
    expect(browserPage.url().startsWith(sim.url)).toBe(true);
    expect(browserPage.url()).not.toContain('errorCode');
    const alices = [...sim.state.tokens.values()].filter((t) => t.userId === aliceId);
    expect(alices.some((t) => t.kind === 'apikey')).toBe(true);
    // No secret of alice's reached the log.
    for (const token of alices) expect(core.log.lines.join('\n')).not.toContain(token.secret);
  });

  test('Cancel stops polling at once and offers the methods again', async ({
    app,
    page,
    sim,
    idp,
  }) => {
    connectOkta(sim, idp);
    const signIn = await addServer(app, page, sim);
    await signIn.start('Sign in with Okta').click();
    await expect(signIn.code).toBeVisible();
    await expect.poll(() => relayPolls(sim)).toBeGreaterThan(0);

    await signIn.cancel.click();
    await expect(signIn.code).toHaveCount(0);
    await expect(signIn.start('Sign in with Okta')).toBeVisible();
    await expect(signIn.error).toHaveCount(0);
    const after = relayPolls(sim);
    await page.waitForTimeout(1_000);
    expect(relayPolls(sim), 'no poll after Cancel').toBe(after);
  });

  test.describe('when the IdP denies the user', () => {
    test.use({ ssoTiming: { samlIntervalMs: 250, samlDeadlineMs: 3_000 } });

    test('explains in one sentence that the sign-in was not completed in the browser', async ({
      app,
      page,
      sim,
      idp,
      systemBrowser,
    }) => {
      connectOkta(sim, idp);
      idp.saml.deny = true;
      const signIn = await addServer(app, page, sim);
      await signIn.start('Sign in with Okta').click();
      const browserPage = await systemBrowser!.lastPage();
      await browserPage.getByRole('button', { name: 'Log in with okta' }).click();
      await expect(browserPage).toHaveURL(/errorCode=403/);

      await expect(signIn.error).toBeVisible({ timeout: 10_000 });
      await expect(signIn.error).toContainText(
        /The Okta sign-in was not completed in the browser[^.]*\./,
      );
      await expect(signIn.start('Sign in with Okta')).toBeVisible();
      await app.expectAccessible('sign-in dialog explaining a failed single sign-on');
    });
  });

  for (const size of windowSizes) {
    test(`fits, and works by keyboard, at ${size.width}x${size.height}`, async ({
      app,
      page,
      sim,
      idp,
    }) => {
      await page.setViewportSize(size);
      connectOkta(sim, idp);
      const signIn = await addServer(app, page, sim);
      await app.expectInViewport(signIn.start('Sign in with Okta'), 'Sign in with Okta');
      await app.expectInViewport(signIn.method('API key'), 'the API key method');

      // Keyboard only: Tab to the flow's button, Enter starts it; focus moves to what comes next.
      const start = signIn.start('Sign in with Okta');
      for (
        let i = 0;
        i < 10 && !(await start.evaluate((el) => el === document.activeElement));
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await expect(start).toBeFocused();
      await expect(start).toHaveCSS('outline-style', 'solid');
      await page.keyboard.press('Enter');
      await expect(signIn.code).toBeVisible();
      const reopen = signIn.action('Open the sign-in page again');
      await expect(reopen).toBeFocused();
      await app.expectInViewport(signIn.code, 'the request id');
      await app.expectInViewport(signIn.cancel, 'Cancel sign-in');
      await app.expectInViewport(reopen, 'Open the sign-in page again');
      await app.expectAccessible(`SAML sign-in waiting at ${size.width}x${size.height}`);

      // Tab reaches Cancel; Enter cancels.
      for (
        let i = 0;
        i < 10 && !(await signIn.cancel.evaluate((el) => el === document.activeElement));
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await expect(signIn.cancel).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(signIn.code).toHaveCount(0);
      await expect(start).toBeVisible();
    });
  }
});
