import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { HygienePage } from './pages/hygiene-page';

test.describe('clean up', () => {
  test.use({ simOptions: { tls: true, seed: 'demo', version: '2.13' } });

  test('groups the demo tokens, shows members, and revokes a group after a dry run', async ({
    app,
    page,
    core,
    sim,
  }) => {
    test.setTimeout(60_000);
    const server = await addSignedInServer(core, sim, 'Demo Rancher');
    const { keys } = await call<Output<'keys:list'>>(core, 'keys:list', {
      serverId: server.id,
      includeSystem: true,
    });
    const signIn = keys.find((k) => k.isSignInCredential);
    expect(signIn).toBeDefined();
    const hygiene = new HygienePage(page);
    await app.open();
    await hygiene.open();
    await expect(hygiene.count('kubeconfig')).toHaveText('4');
    await expect(hygiene.count('orphaned')).toHaveText('1');
    await expect(hygiene.group('kubeconfig')).toContainText('prod-eu: 1');
    await expect(hygiene.group('kubeconfig')).toContainText('deleted cluster c-m-9dltd2qx: 1');
    await app.expectAccessible('clean-up view');
    await app.screenshot('hygiene');

    await hygiene.show('kubeconfig');
    await expect(hygiene.members).toHaveCount(4);
    await app.expectAccessible('clean-up members');
    // The key the app signs in with is in no group.
    await hygiene.show('elsewhere');
    await expect(hygiene.members.first()).toBeVisible();
    await expect(page.getByTestId('member-list')).not.toContainText(signIn!.id);

    await hygiene.choose('orphaned');
    await hygiene.startReview();
    await expect(hygiene.review).toBeVisible();
    await expect(hygiene.review.getByTestId('member-row')).toHaveCount(1);
    await expect(hygiene.review).toContainText('Demo Rancher: 1 token');
    await expect(hygiene.confirm).toHaveText('Revoke 1 token');
    await app.expectAccessible('clean-up review');
    // Nothing is revoked by the dry run.
    const orphan = sim.seeded.kubeconfigDeletedCluster!.name;
    expect(sim.state.tokens.has(orphan)).toBe(true);
    await hygiene.confirm.click();
    await expect(hygiene.results).toBeVisible();
    await expect(hygiene.results.getByTestId('cleanup-counts')).toHaveText('Revoked: 1');
    await expect(hygiene.results.getByTestId('cleanup-result')).toContainText(orphan);
    await app.expectAccessible('clean-up results');
    expect(sim.state.tokens.has(orphan)).toBe(false);
    await hygiene.results.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(hygiene.count('orphaned')).toHaveText('0');
  });

  test('fits a small window and leaves unreachable revocations pending', async ({
    app,
    page,
    core,
    sim,
  }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    await addSignedInServer(core, sim, 'Demo Rancher');
    const hygiene = new HygienePage(page);
    await app.open();
    await hygiene.open();
    await expect(hygiene.count('expired')).not.toHaveText('0');
    await app.expectAccessible('clean-up view at 900x600');
    await app.screenshot('hygiene-900x600');
    sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 503 },
    });
    await hygiene.choose('expired');
    await hygiene.startReview();
    await hygiene.confirm.click();
    await expect(hygiene.results.getByTestId('cleanup-counts')).toContainText('Pending revocation');
    await expect(hygiene.results).toContainText('revoked as soon as their server answers');
    await expect(hygiene.results.getByTestId('cleanup-reason').first()).toHaveText(
      'The server answered with an error. (server_error)',
    );
  });

  test('says why each token failed, readable at 900x600', async ({ app, page, core, sim }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    await addSignedInServer(core, sim, 'Demo Rancher');
    const hygiene = new HygienePage(page);
    await app.open();
    await hygiene.open();
    await expect(hygiene.count('orphaned')).toHaveText('1');
    sim.faults.add({
      method: 'DELETE',
      path: '/v3/tokens',
      action: { kind: 'status', status: 403 },
    });
    await hygiene.choose('orphaned');
    await hygiene.startReview();
    await hygiene.confirm.click();
    await expect(hygiene.results.getByTestId('cleanup-counts')).toHaveText('Failed: 1');
    const reason = hygiene.results.getByTestId('cleanup-reason');
    await expect(reason).toHaveText(
      'Your Rancher account is not allowed to revoke this token. (forbidden)',
    );
    await expect(reason).toBeInViewport();
    // The reason wraps inside its cell: nothing is clipped and nothing scrolls sideways.
    const region = hygiene.results.getByRole('region', { name: 'Results per token' });
    expect(await region.evaluate((r) => r.scrollWidth - r.clientWidth)).toBeLessThanOrEqual(0);
    const row = hygiene.results.getByTestId('cleanup-result');
    await expect(row).toContainText(sim.seeded.kubeconfigDeletedCluster!.name);
    for (const cell of await row.locator('td').all()) {
      expect(await cell.evaluate((c) => c.scrollWidth - c.clientWidth)).toBeLessThanOrEqual(0);
    }
    await app.expectAccessible('clean-up results with a failure at 900x600');
    await app.screenshot('hygiene-failed-900x600');
  });
});
