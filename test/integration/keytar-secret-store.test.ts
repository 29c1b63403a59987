import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store';

const run = promisify(execFile);
// A test-only service name: a user's own `rancher-keys` items are never touched.
const service = `rancher-keys-test-${randomBytes(4).toString('hex')}`;
const store = createKeytarSecretStore({ service });

afterAll(async () => {
  for (const account of await store.accounts()) await store.delete(account);
});

describe('createKeytarSecretStore on the real Secret Service', () => {
  it('reports the keychain available when gnome-keyring answers', async () => {
    expect(await store.status()).toEqual({ status: 'available', reason: null, fix: null });
  });

  it('stores a secret that secret-tool can read under service and account', async () => {
    const account = 'https://rancher.example.com/token-abc12';
    await store.set(account, 'the-secret');
    expect(await store.get(account)).toBe('the-secret');
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', account]);
    expect(stdout).toBe('the-secret');
    expect(await store.accounts()).toContain(account);
  });

  it('deletes a secret and says whether there was one', async () => {
    await store.set('a/b', 'x');
    expect(await store.delete('a/b')).toBe(true);
    expect(await store.delete('a/b')).toBe(false);
    expect(await store.get('a/b')).toBeNull();
  });

  it('reports unavailable with the reason when the D-Bus session is gone', async () => {
    // A real failure, not a fake: a child process whose session bus address points nowhere.
    const script = `
      import { createKeytarSecretStore } from './electron/core/vault/keytar-secret-store.ts';
      const status = await createKeytarSecretStore({ service: 'rancher-keys-test-nobus' }).status();
      process.stdout.write(JSON.stringify(status));`;
    const { stdout } = await run('npx', ['tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    const status = JSON.parse(stdout) as { status: string; reason: string; fix: string };
    expect(status.status).toBe('unavailable');
    expect(status.reason).toMatch(/cannot be reached/);
    expect(status.fix).toMatch(/GNOME Keyring or KWallet/);
  });
});
