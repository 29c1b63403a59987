import { expect, test } from './fixtures';
import { ServerDialogs } from './pages/server-dialogs';
import { KeysPage } from './pages/keys-page';

test.describe('add server, trust certificate, sign in', () => {
  test('adds a TLS server after trusting its certificate, then signs in with a password', async ({
    app,
    page,
    sim,
  }) => {
    const dialogs = new ServerDialogs(page);
    const keys = new KeysPage(page);
    await app.open();
    await expect(page.getByRole('heading', { name: 'Welcome to Rancher Keys' })).toBeVisible();
    await app.expectAccessible('first run');
    await page.getByRole('button', { name: 'Add a Rancher server' }).click();
    await app.expectAccessible('add server dialog');
    await dialogs.addServer(sim.url, 'Sim');

    await expect(dialogs.trust).toBeVisible();
    await expect(dialogs.trust.getByTestId('certificate-fingerprint')).toHaveText(
      sim.fingerprint256 ?? '',
    );
    await app.expectAccessible('trust certificate dialog');
    await dialogs.trust.getByRole('button', { name: 'Trust and add server' }).click();

    await expect(dialogs.signIn).toBeVisible();
    await app.expectAccessible('sign-in dialog');
    await dialogs.signInWithPassword(sim.admin.username, sim.admin.password);
    await expect(dialogs.signIn).toHaveCount(0);
    await expect(app.server('Sim')).toHaveAttribute('data-health', /^(ok|session_expiring)$/);
    await expect(keys.row(sim.admin.tokenName)).toBeVisible();
  });

  test('signs in with an API key', async ({ app, page, sim, core }) => {
    const dialogs = new ServerDialogs(page);
    await app.open();
    await page.getByRole('button', { name: 'Add a Rancher server' }).click();
    await dialogs.addServer(sim.url, 'Sim');
    await dialogs.trust.getByRole('button', { name: 'Trust and add server' }).click();
    await dialogs.signInWithKey(sim.admin.token);
    await expect(dialogs.signIn).toHaveCount(0);
    await expect(app.server('Sim')).toContainText('Signed in');
    expect(core.log.lines.join('\n')).not.toContain(sim.admin.token.split(':')[1]!);
  });

  test('says the sign-in failed and keeps the dialog open when the password is wrong', async ({
    app,
    page,
    sim,
  }) => {
    const dialogs = new ServerDialogs(page);
    await app.open();
    await page.getByRole('button', { name: 'Add a Rancher server' }).click();
    await dialogs.addServer(sim.url, 'Sim');
    await dialogs.trust.getByRole('button', { name: 'Trust and add server' }).click();
    await dialogs.signInWithPassword(sim.admin.username, 'wrong-password');
    await expect(dialogs.signIn.getByTestId('error-notice')).toBeVisible();
  });
});
