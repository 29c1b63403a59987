import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store';
import type { SecretStore } from '../../electron/core/vault/secret-store';

const run = promisify(execFile);

/**
 * A keychain service of the test's own (`rancher-keys-test-…`), so a user's `rancher-keys` items are
 * never touched, its store, and `lookup`, which reads an item the way other tools do (secret-tool).
 */
export function testKeychain(): {
  service: string;
  secrets: SecretStore;
  lookup: (account: string) => Promise<string | null>;
  /** Deletes every item the test stored. */
  clear: () => Promise<void>;
} {
  const service = `rancher-keys-test-${randomBytes(4).toString('hex')}`;
  const secrets = createKeytarSecretStore({ service });
  return {
    service,
    secrets,
    async lookup(account) {
      try {
        return (await run('secret-tool', ['lookup', 'service', service, 'account', account]))
          .stdout;
      } catch {
        return null;
      }
    },
    async clear() {
      for (const account of await secrets.accounts()) await secrets.delete(account);
    },
  };
}
