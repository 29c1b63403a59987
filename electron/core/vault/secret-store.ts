import type { KeychainStatus } from '../../contract/app';

/**
 * Where secrets live: one OS keychain item per secret, addressed by an account built in
 * `keychain-accounts.ts` (design.md §4). Reads that cannot tell "absent" from "locked"
 * are the caller's to disambiguate with `status()`.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when an item was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Accounts held under our service (secrets are not returned). */
  accounts(): Promise<string[]>;
  /** Probes the keychain: available, locked, or unavailable with the reason and the fix. */
  status(): Promise<KeychainStatus>;
}

/** The keychain service name; integration tests use their own so a user's items are never touched. */
export const defaultKeychainService = 'rancher-keys';
