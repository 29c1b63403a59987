import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Output } from '../../electron/contract/ipc';
import { expect, test } from './fixtures';
import { addSignedInServer, call } from './helpers';
import { KeysPage } from './pages/keys-page';

const run = promisify(execFile);

/**
 * How many Secret Service items carry `service`, as `secret-tool` (libsecret, outside keytar and
 * the core) sees them. Only the count leaves this function: the output holds the secrets.
 */
async function keychainItems(service: string): Promise<number> {
  const { stdout, stderr } = await run('secret-tool', [
    'search',
    '--all',
    'service',
    service,
  ]).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
    // secret-tool exits 1 when nothing matches.
    if (error.code === 1) return { stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
    throw new Error(`secret-tool failed with code ${String(error.code)}`);
  });
  const text = `${stdout}\n${stderr}`;
  return text.split('\n').filter((line) => line.trim() === `attribute.service = ${service}`).length;
}

test.describe('remove a server', () => {
  test('removes the server from the sidebar and its secrets from the keychain', async ({
    app,
    page,
    core,
    sim,
  }) => {
    const server = await addSignedInServer(core, sim, 'Doomed', 'api_key');
    for (const description of ['first key', 'second key']) {
      await call<Output<'keys:create'>>(core, 'keys:create', {
        serverId: server.id,
        description,
        expiry: { kind: 'max' },
      });
    }
    // The sign-in key and the two new keys.
    expect(await keychainItems(core.keychainService)).toBe(3);

    const keys = new KeysPage(page);
    await app.open();
    await expect(keys.row('second key')).toBeVisible();
    await expect(app.servers).toHaveCount(1);
    await page.getByRole('button', { name: 'Edit server', exact: true }).click();
    await page.getByRole('button', { name: 'Remove server…' }).click();
    const dialog = page.getByTestId('remove-server-dialog');
    await expect(dialog.getByRole('heading', { name: 'Remove Doomed?' })).toBeVisible();
    await expect(dialog).toContainText('the secrets it keeps for its keys');
    // How many secrets go for good: the two keys' and the sign-in key's.
    await expect(dialog.getByTestId('secrets-lost')).toContainText(
      'The secrets of 3 keys are deleted from your keychain for good.',
    );
    // Cancel has focus first: removing is never one Enter away.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Remove server' }).click();

    await expect(app.toasts).toContainText('Removed Doomed.');
    await expect(dialog).toHaveCount(0);
    await expect(app.servers).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Welcome to Rancher Keys' })).toBeVisible();
    await expect.poll(() => keychainItems(core.keychainService)).toBe(0);
    expect(await core.secrets.accounts()).toEqual([]);
    const { servers } = await call<Output<'servers:list'>>(core, 'servers:list', {});
    expect(servers).toEqual([]);
    // The keys themselves stay valid on Rancher: removing a server is not revoking.
    expect([...sim.state.tokens.values()].map((t) => t.description)).toEqual(
      expect.arrayContaining(['first key', 'second key']),
    );
  });
});
