import { randomBytes } from 'node:crypto';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createMemoryLogger, type Logger } from '../../electron/core/log';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store';
import type { SecretStore } from '../../electron/core/vault/secret-store';

export interface TestCore {
  dispatch: Dispatch;
  secrets: SecretStore;
  log: Logger & { lines: string[] };
  keychainService: string;
}

/**
 * Builds the core with real dependencies, as main does, for the bridge and the e2e tests: keytar on
 * whatever Secret Service this process sees, under a test-only service name so a user's own items
 * are never touched.
 */
export function createTestCore(
  options: { keychainService?: string; secrets?: SecretStore } = {},
): TestCore {
  const keychainService =
    options.keychainService ?? `rancher-keys-test-${randomBytes(4).toString('hex')}`;
  const secrets = options.secrets ?? createKeytarSecretStore({ service: keychainService });
  const log = createMemoryLogger();
  const handlers = createHandlers({ version: '0.1.0-test', platform: process.platform, secrets });
  return { dispatch: createDispatcher(handlers, log), secrets, log, keychainService };
}
