import { expect, test } from './fixtures';
import { PlaintextPage } from './pages/plaintext-page';
import { writePlaintextFiles, type PlaintextFiles } from './plaintext-files';

/** Every secret the fixture files hold: none may ever reach the page. */
function secretsOf(files: PlaintextFiles): string[] {
  return [files.tokens.cliKey, files.tokens.kubeconfig, files.tokens.expired].map(
    (t) => t.bearer.split(':')[1] ?? t.bearer,
  );
}

const sizes = [
  { width: 900, height: 600 },
  { width: 1100, height: 720 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

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

  for (const size of sizes) {
    test(`the report fits at ${size.width}x${size.height}`, async ({ app, page, core, sim }) => {
      writePlaintextFiles(core.dataDir, sim);
      await page.setViewportSize(size);
      const check = new PlaintextPage(page);
      await app.open();
      await check.openFromSettings();
      await expect(check.findings).toHaveCount(3);
      await app.expectInViewport(check.heading, 'the heading');
      await app.expectInViewport(page.getByTestId('plaintext-rescan'), 'Check again');
      await app.expectInViewport(page.getByRole('button', { name: 'Add a file…' }), 'Add a file');
      const last = check.findings.last();
      await last.scrollIntoViewIfNeeded();
      await app.expectInViewport(last.getByTestId('finding-state'), 'the last token’s state');
      await app.screenshot(`plaintext-${size.width}x${size.height}`);
    });
  }
});
