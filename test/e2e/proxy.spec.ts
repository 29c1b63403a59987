import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { expect, test } from './fixtures';
import { KeysPage } from './pages/keys-page';
import { ServerDialogs } from './pages/server-dialogs';

test.describe('a server behind a proxy', () => {
  let proxy: ConnectProxy;
  test.beforeEach(async () => {
    proxy = await startConnectProxy({ auth: { username: 'alice', password: 'proxy-pw-7' } });
  });
  test.afterEach(() => proxy.close());

  test('is added, trusted and signed in through a proxy that wants credentials; the proxy sees no token', async ({
    app,
    page,
    sim,
  }) => {
    const dialogs = new ServerDialogs(page);
    const keys = new KeysPage(page);
    await app.open();
    await page.getByRole('button', { name: 'Add a Rancher server' }).click();
    await dialogs.useProxy(proxy.url);
    await app.expectAccessible('add server dialog with proxy fields');
    await dialogs.addServer(sim.url, 'Behind proxy');
    // Without credentials the proxy answers 407, and the dialog says so.
    await expect(dialogs.add.getByTestId('error-notice')).toContainText('Proxy problem');
    await expect(dialogs.add.getByTestId('error-notice')).toContainText('407');

    await dialogs.add.getByLabel(/Proxy user name/).fill('alice');
    await dialogs.add.getByLabel(/Proxy password/).fill('proxy-pw-7');
    await dialogs.add.getByRole('button', { name: 'Add server' }).click();
    await expect(dialogs.trust).toBeVisible();
    await expect(dialogs.trust.getByTestId('certificate-fingerprint')).toHaveText(
      sim.fingerprint256 ?? '',
    );
    await dialogs.trust.getByRole('button', { name: 'Trust and add server' }).click();
    await expect(dialogs.signIn).toBeVisible();
    await dialogs.signInWithKey(sim.admin.token);
    await expect(dialogs.signIn).toHaveCount(0);
    await expect(keys.row(sim.admin.tokenName)).toBeVisible();

    const tunnels = proxy.log.filter((entry) => entry.status === 200);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((entry) => entry.target === `127.0.0.1:${sim.port}`)).toBe(true);
    const seen = proxy.clientBytes();
    expect(seen.includes(sim.admin.token.split(':')[1]!)).toBe(false);
    expect(/^authorization:/im.test(seen.toString('latin1'))).toBe(false);

    await page.getByRole('button', { name: 'Edit server', exact: true }).click();
    const edit = page.getByTestId('edit-server-dialog');
    await expect(edit.getByLabel(/Proxy address/)).toHaveValue(proxy.url);
    await expect(edit.getByLabel(/Proxy user name/)).toHaveValue('alice');
    await expect(edit.getByLabel(/Proxy password/)).toHaveValue('');
    await app.expectAccessible('edit server dialog with a proxy');
  });
});
