import path from 'node:path';
import { defaultKeychainService } from '../../core/vault/secret-store';

/** How the app runs: normally, or under the Electron suite (`RANCHER_KEYS_E2E=1`). */
export interface RunMode {
  e2e: boolean;
  /** The keychain service: a throwaway one under test so a user's items are never touched. */
  keychainService: string;
  /** A userData directory to use instead of the OS default; null for the default. */
  userDataDir: string | null;
}

/**
 * Reads the run mode from the environment. Under test, secrets go to `rancher-keys-e2e-<pid>` and
 * data to a fresh directory (or `RANCHER_KEYS_USER_DATA` when the suite chooses one).
 */
export function runModeFrom(
  env: NodeJS.ProcessEnv,
  options: { pid: number; tmpDir: string },
): RunMode {
  if (env.RANCHER_KEYS_E2E !== '1') {
    return { e2e: false, keychainService: defaultKeychainService, userDataDir: null };
  }
  const chosen = env.RANCHER_KEYS_USER_DATA;
  return {
    e2e: true,
    keychainService: `${defaultKeychainService}-e2e-${options.pid}`,
    userDataDir:
      chosen && path.isAbsolute(chosen)
        ? chosen
        : path.join(options.tmpDir, `rancher-keys-e2e-${options.pid}-${Date.now()}`),
  };
}
