import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';
import { PlaintextPage } from './pages/plaintext-page';
import { writePlaintextFiles, type PlaintextFiles } from './plaintext-files';
import { cli2Json, kubeconfigYaml } from '../support/plaintext-fixtures';

/** Every secret the fixture files hold: none may ever reach the page. */
function secretsOf(files: PlaintextFiles): string[] {
  return [files.tokens.cliKey, files.tokens.kubeconfig, files.tokens.expired].map(
    (t) => t.bearer.split(':')[1] ?? t.bearer,
  );
}

test.describe('plaintext check', () => {
  test('the first run offers the check; the report names each token, never its secret', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const files = writePlaintextFiles(core.dataDir, sim);
    const check = new PlaintextPage(page);
    await app.open();

    // Offered once on the first run, and reached from the keyboard.
    const offer = page.getByTestId('plaintext-offer');
    await expect(offer).toBeVisible();
    await app.expectAccessible('first run with the plaintext offer');
    await offer.getByRole('button', { name: 'Run the Plaintext check' }).focus();
    await page.keyboard.press('Enter');
    await expect(check.heading).toBeVisible();

    await expect(check.findings).toHaveCount(3);
    const { cliKey, kubeconfig, expired } = files.tokens;
    await expect(check.finding(cliKey.name)).toContainText('server entry "rancherDefault"');
    await expect(check.finding(cliKey.name)).toContainText(sim.url);
    await expect(check.finding(kubeconfig.name)).toContainText('user "rancher-local"');
    await expect(check.finding(kubeconfig.name)).toContainText(sim.url);
    await expect(check.finding(expired.name).getByTestId('finding-state')).toHaveText(
      'Not held (new server)',
    );
    await app.expectAccessible('plaintext report');
    await app.screenshot('plaintext-report');
    const html = await page.content();
    for (const secret of secretsOf(files)) expect(html).not.toContain(secret);

    // The offer was answered: the first run does not make it again.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to Rancher Keys' })).toBeVisible();
    await expect(offer).toBeHidden();
  });

  test('an import refused for an untrusted certificate offers the trust dialog, then imports', async ({
    app,
    page,
    core,
    sim,
  }) => {
    test.setTimeout(60_000);
    // The CLI's file without `cacert`: the simulator's own CA is not trusted by the app.
    const key = sim.state.addToken({ user: sim.admin.id, description: 'cli, no ca' });
    mkdirSync(path.join(core.dataDir, '.rancher'), { recursive: true, mode: 0o700 });
    writeFileSync(
      path.join(core.dataDir, '.rancher', 'cli2.json'),
      cli2Json([{ name: 'rancherDefault', url: sim.url, bearer: key.bearer }]),
      { mode: 0o600 },
    );
    const check = new PlaintextPage(page);
    await app.open();
    await page
      .getByTestId('plaintext-offer')
      .getByRole('button', { name: 'Run the Plaintext check' })
      .click();
    await expect(check.findings).toHaveCount(1);
    await check.chooseAll.check();
    await check.importButton.click();
    const row = check.results.getByTestId('plaintext-import-result');
    await expect(row).toHaveAttribute('data-outcome', 'untrusted', { timeout: 30_000 });
    await app.expectAccessible('plaintext import results with an untrusted certificate');

    // Back leaves everything as it was; trusting pins the certificate and imports again.
    await row.getByRole('button', { name: /^Trust this certificate…/ }).click();
    const trust = page.getByTestId('plaintext-trust');
    await expect(trust).toContainText(sim.url);
    await app.expectAccessible('plaintext trust dialog');
    await app.screenshot('plaintext-trust');
    await trust.getByRole('button', { name: 'Back' }).click();
    await expect(row).toHaveAttribute('data-outcome', 'untrusted');
    await row.getByRole('button', { name: /^Trust this certificate…/ }).focus();
    await page.keyboard.press('Enter');
    await trust.getByRole('button', { name: 'Trust and import again' }).click();
    await expect(row).toHaveAttribute('data-outcome', 'imported', { timeout: 30_000 });
    const { servers } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    expect(servers.find((s) => s.origin === sim.url)?.fingerprint256).toBeTruthy();
    await check.results.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(check.finding(key.name).getByTestId('finding-state')).toHaveText('Already held');
    const html = await page.content();
    expect(html).not.toContain(key.bearer.split(':')[1]);
  });

  test('check → import → rewrite → undo, from Settings, signed in to the server', async ({
    app,
    page,
    core,
    sim,
  }) => {
    test.setTimeout(90_000);
    // Signed in, so the server can say which token expired (a key alone cannot tell).
    await addSignedInServer(core, sim);
    const files = writePlaintextFiles(core.dataDir, sim);
    const check = new PlaintextPage(page);
    await app.open();
    await check.openFromSettings();
    await expect(check.heading).toBeVisible();

    // The report: each token by access key, place and server; never a secret.
    await expect(check.findings).toHaveCount(3);
    const { cliKey, kubeconfig, expired } = files.tokens;
    await expect(check.finding(cliKey.name)).toContainText('server entry "rancherDefault"');
    await expect(check.finding(cliKey.name)).toContainText(sim.url);
    await expect(check.finding(kubeconfig.name)).toContainText('user "rancher-local"');
    await expect(check.finding(kubeconfig.name)).toContainText(sim.url);
    await expect(check.finding(expired.name).getByTestId('finding-state')).toHaveText('Not held');
    await app.expectAccessible('plaintext report');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectAccessible('plaintext report (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.screenshot('plaintext-report');

    // Import every token: the expired one is listed, not imported.
    await check.chooseAll.check();
    await expect(check.importButton).toHaveText('Import 3 tokens');
    await check.importButton.click();
    await expect(check.results).toBeVisible({ timeout: 30_000 });
    const outcome = (key: string) =>
      check.results.getByTestId('plaintext-import-result').filter({ hasText: key });
    await expect(outcome(expired.name)).toHaveAttribute('data-outcome', 'expired');
    await expect(outcome(cliKey.name)).toHaveAttribute('data-outcome', 'imported');
    await expect(outcome(kubeconfig.name)).toHaveAttribute('data-outcome', 'imported');
    await app.expectAccessible('plaintext import results');
    await check.results.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(check.finding(cliKey.name).getByTestId('finding-state')).toHaveText(
      'Already held',
    );
    // The file's server is the one already added: no second one.
    await expect(app.servers).toHaveCount(1);

    // Rewrite the kubeconfig: a preview first, then the token leaves the file.
    await check.rewrite('~/.kube/config');
    await expect(check.rewriteDialog).toBeVisible();
    await expect(check.rewriteDialog.getByTestId('plaintext-changes')).toContainText(
      kubeconfig.name,
    );
    await expect(check.rewriteDialog).toContainText('Left in the file');
    await app.expectAccessible('plaintext rewrite preview');
    await check.rewriteConfirm.click();
    await expect(check.file('~/.kube/config').getByTestId('plaintext-undo')).toBeVisible();
    const rewritten = readFileSync(files.kubeconfigPath, 'utf8');
    expect(rewritten).not.toContain(kubeconfig.bearer);
    expect(rewritten).toContain('rancher-keys');
    expect(rewritten).toContain('# written by a test');
    // The expired token was not imported, so it stays.
    expect(rewritten).toContain(expired.bearer);

    // Undo puts the file back, byte for byte.
    await check.undo('~/.kube/config');
    await expect(check.file('~/.kube/config').getByTestId('plaintext-rewrite')).toBeVisible();
    expect(readFileSync(files.kubeconfigPath, 'utf8')).toBe(files.kubeconfig);

    // cli2.json: the consequence is said before anything is written.
    await check.rewrite('~/.rancher/cli2.json');
    await expect(check.rewriteDialog.getByTestId('plaintext-consequence')).toContainText(
      'rancher login',
    );
    await page.keyboard.press('Escape');
    await expect(check.rewriteDialog).toBeHidden();
    expect(readFileSync(files.cli2Path, 'utf8')).toBe(files.cli2);

    // The CLI's key, now held: "Where is this key used?" names cli2.json.
    await app.server('Sim').click();
    const keys = new KeysPage(page);
    await keys.menuAction('rancher cli', 'Where is this key used?');
    const where = page.getByTestId('where-used-dialog');
    await expect(where.getByTestId('used-places')).toContainText(
      '~/.rancher/cli2.json: server entry "rancherDefault"',
    );
    await app.expectAccessible('where is this key used');
    await where.getByRole('button', { name: 'Close', exact: true }).last().click();

    const html = await page.content();
    for (const secret of secretsOf(files)) expect(html).not.toContain(secret);
  });
});
test.describe('renew updates the places', () => {
  test('Renew offers to rewrite the kubeconfig holding the old key, by keyboard, with undo', async ({
    app,
    page,
    core,
    sim,
  }) => {
    test.setTimeout(90_000);
    await addSignedInServer(core, sim);
    const key = sim.state.addToken({ user: sim.admin.id, description: 'kube script' });
    const kubeconfigPath = path.join(core.dataDir, '.kube', 'config');
    mkdirSync(path.dirname(kubeconfigPath), { recursive: true, mode: 0o700 });
    const original = kubeconfigYaml([
      {
        name: 'script',
        server: `${sim.url}/k8s/clusters/local`,
        token: key.bearer,
        caData: Buffer.from(sim.caPem ?? '').toString('base64'),
      },
    ]);
    writeFileSync(kubeconfigPath, original, { mode: 0o600 });
    const check = new PlaintextPage(page);
    await app.open();
    await check.openFromSettings();
    await check.chooseAll.check();
    await check.importButton.click();
    await expect(check.results).toBeVisible({ timeout: 30_000 });
    await check.results.getByRole('button', { name: 'Close', exact: true }).last().click();

    await app.server('Sim').click();
    await new KeysPage(page).menuAction('kube script', 'Renew…');
    const offer = page.getByRole('checkbox', { name: /Also rewrite the kubeconfig users/ });
    await expect(offer).toBeVisible();
    await app.expectAccessible('renew dialog offering to update the places');
    await offer.focus();
    await page.keyboard.press('Space');
    await expect(offer).toBeChecked();
    await page.getByTestId('confirm-renew').click();
    const updated = page.getByTestId('renew-updated-places');
    await expect(updated).toContainText('~/.kube/config');
    await app.expectAccessible('renewed dialog with the files updated');
    const rewritten = readFileSync(kubeconfigPath, 'utf8');
    expect(rewritten).not.toContain(key.bearer);
    expect(rewritten).toContain('kubectl-credential');

    await updated
      .getByRole('button', { name: 'Undo the rewrite of ~/.kube/config' })
      .press('Enter');
    await expect(updated).toContainText('restored');
    expect(readFileSync(kubeconfigPath, 'utf8')).toBe(original);
    expect(await page.content()).not.toContain(key.secret);
  });
});

test.describe('plaintext check layout', () => {
  const sizes = [
    { width: 900, height: 600 },
    { width: 1100, height: 720 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ] as const;

  for (const size of sizes) {
    test(`the report, import and rewrite fit at ${size.width}x${size.height}`, async ({
      app,
      page,
      core,
      sim,
    }) => {
      test.setTimeout(60_000);
      const files = writePlaintextFiles(core.dataDir, sim);
      // Import ahead through the core, so Rewrite is offered.
      const scan = await call<Output<'plaintext:scan'>>(core, 'plaintext:scan', {});
      await call(core, 'plaintext:import', {
        jobId: 'job-layout-0001',
        scanId: scan.scanId,
        findingIds: scan.findings.map((f) => f.findingId),
      });
      await page.setViewportSize(size);
      const check = new PlaintextPage(page);
      await app.open();
      await check.openFromSettings();
      await expect(check.findings).toHaveCount(3);
      await app.expectInViewport(check.heading, 'the heading');
      await app.expectInViewport(check.importButton, 'Import');
      await app.expectInViewport(page.getByTestId('plaintext-rescan'), 'Check again');
      await app.expectInViewport(page.getByRole('button', { name: 'Add a file…' }), 'Add a file');
      const rewrite = check.file('~/.kube/config').getByTestId('plaintext-rewrite');
      await rewrite.scrollIntoViewIfNeeded();
      await app.expectInViewport(rewrite, 'Rewrite of the kubeconfig');
      await check.finding(files.tokens.expired.name).getByRole('checkbox').check();
      await app.expectInViewport(check.importButton, 'Import after choosing');
      await rewrite.click();
      await app.expectInViewport(check.rewriteConfirm, 'the rewrite confirmation');
      await app.expectInViewport(
        check.rewriteDialog.getByRole('button', { name: 'Cancel' }),
        'the rewrite cancel',
      );
      await app.screenshot(`plaintext-${size.width}x${size.height}`);
    });
  }
});
