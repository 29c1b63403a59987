import type { KeychainStatus } from '../../contract/app';
import { keychainFailure, keychainStatusFromError } from './keychain-errors';
import type { SecretStore } from './secret-store';

/** The part of keytar we use; injected so tests can stand in a failing keychain. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

/**
 * The OS keychain through keytar. keytar is loaded on first use, so a missing libsecret shows up as
 * `keychain_unavailable` with the fix rather than as a crash at start-up.
 */
export function createKeytarSecretStore(options: {
  service: string;
  platform?: NodeJS.Platform;
  keytar?: KeytarLike;
}): SecretStore {
  const platform = options.platform ?? process.platform;
  const { service } = options;
  let loaded: Promise<KeytarLike> | undefined = options.keytar
    ? Promise.resolve(options.keytar)
    : undefined;
  const keytar = () => (loaded ??= loadKeytar());

  async function guarded<T>(op: (k: KeytarLike) => Promise<T>): Promise<T> {
    try {
      return await op(await keytar());
    } catch (error) {
      throw keychainFailure(error, platform);
    }
  }

  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, secret) => guarded((k) => k.setPassword(service, account, secret)),
    delete: (account) => guarded((k) => k.deletePassword(service, account)),
    accounts: () => guarded(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
    async status(): Promise<KeychainStatus> {
      // A locked keyring answers reads with null, so only a write proves it usable (toolchain.md).
      const probe = `probe/${process.pid}/${Date.now()}`;
      try {
        const k = await keytar();
        await k.setPassword(service, probe, 'probe');
        await k.deletePassword(service, probe);
        return { status: 'available', reason: null, fix: null };
      } catch (error) {
        return keychainStatusFromError(error, platform);
      }
    },
  };
}
