import type { Page } from '@playwright/test';
import type { RancherSim } from '../rancher-sim';
import {
  startFakeOAuthIdp,
  type FakeOAuthIdp,
  type OAuthIdpProfile,
  type OAuthProviderType,
} from '../rancher-sim/fake-oauth-idp';
import type { TestCore } from '../bridge/compose';
import { expect, test } from './fixtures';
import type { AppPage } from './pages/app-page';
import type { SignInPage } from './pages/sign-in-page';
import { addServerForSignIn as addServer, connectOAuth } from './sso-setup';

/**
 * The embedded sign-in (issue 15 item 4) in Chromium through the bridge: the dialog offers GitHub,
 * Google, OIDC… only when the server lists them, in a group labelled as signing in inside Rancher
 * Keys and only after the user opts in; the window is a fresh Chromium context with Electron's
 * user agent (test/e2e/chromium-embedded-window.ts) on the simulator's real OAuth login and the
 * fake OAuth IdP, where the test clicks as the user would.
 */
test.describe('signing in inside a Rancher Keys window (issue 15)', () => {
  test.use({ embedded: true, ssoTiming: { embeddedTimeoutMs: 60_000 } });

  let oauth: FakeOAuthIdp | undefined;
  test.afterEach(async () => {
    await oauth?.close();
    oauth = undefined;
  });

  async function offer(
    app: AppPage,
    page: Page,
    sim: RancherSim,
    provider: { id: string; type: OAuthProviderType; profile: OAuthIdpProfile },
  ): Promise<{ signIn: SignInPage; aliceId: string; idp: FakeOAuthIdp }> {
    const idp = (oauth = await startFakeOAuthIdp({ profile: provider.profile }));
    const aliceId = connectOAuth(sim, idp, provider);
    const signIn = await addServer(app, page, sim);
    return { signIn, aliceId, idp };
  }

  const optIn = (signIn: SignInPage) =>
    signIn.dialog
      .getByRole('group', { name: 'Sign in inside Rancher Keys' })
      .getByRole('checkbox', { name: 'Sign in inside a Rancher Keys window' });

  /** No token secret, code, access token or client secret in the log or the window's page. */
  async function expectNoSecrets(page: Page, core: TestCore, sim: RancherSim, idp: FakeOAuthIdp) {
    const secrets = [
      ...[...sim.state.tokens.values()].map((t) => t.secret),
      ...idp.codes,
      ...idp.accessTokens,
      idp.clientSecret,
    ];
    const rendered = await page.content();
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    const log = core.log.lines.join('\n');
    for (const secret of secrets) {
      expect(rendered).not.toContain(secret);
      expect(stored).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  }

  test('signs in with GitHub inside the window, opt-in and labelled, and leaves nothing behind', async ({
    app,
    page,
    sim,
    core,
    embeddedWindow,
  }) => {
    const github = { id: 'github', type: 'githubProvider', profile: 'github' } as const;
    const { signIn, aliceId, idp } = await offer(app, page, sim, github);
    await expect(signIn.method('Single sign-on')).toHaveAttribute('aria-checked', 'true');
    // Labelled and opt-in: no button before the box is ticked (by keyboard).
    const start = signIn.start('Sign in with GitHub inside Rancher Keys');
    await expect(start).toHaveCount(0);
    await optIn(signIn).focus();
    await page.keyboard.press('Space');
    await expect(start).toBeVisible();
    await app.expectAccessible('sign-in dialog offering the embedded window');

    await start.click();
    await expect(signIn.dialog).toContainText(
      `A Rancher Keys window opened on ${new URL(sim.url).host}`,
    );
    await expect(signIn.state).toContainText('Waiting');
    // In the window: Rancher's login page, then GitHub's (here the fake IdP's) Authorize.
    const window = await embeddedWindow!.lastPage();
    await window.getByRole('button', { name: 'Log in with github' }).click();
    await window.getByRole('button', { name: 'Authorize' }).click();

    await expect(signIn.dialog).toHaveCount(0);
    await expect(app.toasts).toContainText('Signed in to Sim.');
    await expect(app.server('Sim')).toContainText('Signed in');
    expect(idp.userAgents[0]).toContain('Electron/');
    expect(embeddedWindow!.outcomes.map((o) => o.kind)).toEqual(['session']);
    expect(embeddedWindow!.discarded).toEqual([true]);
    // The key is alice's; the session the window harvested was logged out.
    const alices = [...sim.state.tokens.values()].filter((t) => t.userId === aliceId);
    expect(alices.map((t) => t.kind)).toEqual(['apikey']);
    await expectNoSecrets(page, core, sim, idp);
  });

  test('explains in one sentence that Google refuses sign-in inside an app’s window', async ({
    app,
    page,
    sim,
    core,
    embeddedWindow,
  }) => {
    const google = { id: 'googleoauth', type: 'googleOAuthProvider', profile: 'google' } as const;
    const { signIn, idp } = await offer(app, page, sim, google);
    await optIn(signIn).check();
    await signIn.start('Sign in with Google inside Rancher Keys').click();
    const window = await embeddedWindow!.lastPage();
    await window.getByRole('button', { name: 'Log in with googleoauth' }).click();

    await expect(signIn.error).toContainText(
      'Google refuses to sign in inside an app’s window (disallowed_useragent), so sign in another way or paste an API key from the Rancher dashboard.',
    );
    // The choices are back (the opt-in asked again), with the pasted key as the way in.
    await expect(optIn(signIn)).toBeVisible();
    await expect(signIn.method('API key')).toBeVisible();
    expect(embeddedWindow!.outcomes).toEqual([
      { kind: 'stopped', stop: { kind: 'disallowed_useragent' } },
    ]);
    expect(idp.codes).toEqual([]);
    await app.expectAccessible('sign-in dialog explaining the IdP’s refusal');
    await expectNoSecrets(page, core, sim, idp);
  });

  test('explains a denial at the IdP', async ({ app, page, sim, embeddedWindow }) => {
    const github = { id: 'github', type: 'githubProvider', profile: 'github' } as const;
    const { signIn } = await offer(app, page, sim, github);
    await optIn(signIn).check();
    await signIn.start('Sign in with GitHub inside Rancher Keys').click();
    const window = await embeddedWindow!.lastPage();
    await window.getByRole('button', { name: 'Log in with github' }).click();
    await window.getByRole('button', { name: 'Cancel' }).click();
    await expect(signIn.error).toContainText('The sign-in was declined at GitHub.');
  });

  test('is not offered when the server lists no such provider', async ({ app, page, sim }) => {
    const signIn = await addServer(app, page, sim);
    await expect(
      signIn.dialog.getByRole('group', { name: 'Sign in inside Rancher Keys' }),
    ).toHaveCount(0);
    await expect(signIn.dialog.getByText('inside Rancher Keys')).toHaveCount(0);
  });
});
