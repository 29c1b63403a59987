import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Output } from '../../electron/contract/ipc';
import { bundleCli } from '../../scripts/build-cli.mjs';
import { filesHoldingSecrets } from '../integration/cli/cli-runner';
import { expect, test } from './fixtures';
import { addSignedInServer, call, simBearer } from './helpers';
import { KeysPage } from './pages/keys-page';
import { KubectlDialog } from './pages/kubectl-dialog';

const run = promisify(execFile);

test.describe('a key used from the terminal', () => {
  let keyId = '';

  test.beforeAll(async () => {
    // Kubeconfigs the test core writes run the checkout's bundled command (test/bridge/compose.ts).
    await bundleCli();
  });

  test.beforeEach(async ({ core, sim }) => {
    const server = await addSignedInServer(core, sim);
    const out = await call<Output<'keys:create'>>(core, 'keys:create', {
      serverId: server.id,
      description: 'laptop kubectl',
      expiry: { kind: 'max' },
    });
    keyId = out.key.id;
  });

  test('"Use with kubectl…" merges a context that real kubectl uses, with no token in the file', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const keys = new KeysPage(page);
    await app.open();
    await keys.menuAction('laptop kubectl', 'Use with kubectl…');
    const dialog = new KubectlDialog(page);
    await expect(dialog.root).toBeVisible();
    await dialog.cluster.selectOption('local');
    await expect(dialog.command).toHaveValue(
      `rancher-keys kubeconfig --server ${sim.origin} --cluster local --key ${keyId} --merge --use`,
    );
    await app.expectAccessible('use with kubectl dialog');
    await dialog.add.click();
    await expect(dialog.root).toBeHidden();

    // The bridge's core keeps its home (and so ~/.kube/config) in its own data dir.
    const kube = path.join(core.dataDir, '.kube');
    const file = path.join(kube, 'config');
    await expect(app.toasts).toContainText(`is in ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^current-context: \S+$/m);
    const ns = await run('/usr/bin/kubectl', ['--kubeconfig', file, 'get', 'namespaces'], {
      env: { ...process.env, HOME: core.dataDir },
    });
    expect(ns.stdout).toContain('kube-system');
    // kubectl got the bearer from the keychain; no file under ~/.kube (its cache too) holds it.
    expect(filesHoldingSecrets([kube], [simBearer(sim, keyId)])).toEqual([]);
  });

  test('marks a key as the default for tools, and unmarks it', async ({ app, page, core }) => {
    const keys = new KeysPage(page);
    await app.open();
    const row = keys.row('laptop kubectl');
    await expect(row.getByTestId('default-key-mark')).toHaveCount(0);
    await keys.menuAction('laptop kubectl', 'Use as default for tools');
    await expect(row.getByTestId('default-key-mark')).toHaveText('default');
    const listed = await call<Output<'keys:list'>>(core, 'keys:list', {});
    expect(listed.keys.find((k) => k.id === keyId)?.isDefault).toBe(true);
    await keys.menuAction('laptop kubectl', 'Stop using as default for tools');
    await expect(row.getByTestId('default-key-mark')).toHaveCount(0);
  });
});
