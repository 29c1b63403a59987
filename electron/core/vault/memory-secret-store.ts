import type { KeychainStatus } from '../../contract/app';
import { AppFailure } from '../app-failure';
import type { SecretStore } from './secret-store';

/**
 * An in-memory stand-in for the OS keychain, for unit tests of logic. `setStatus` makes it behave
 * like a locked or unavailable keychain (writes and reads fail).
 */
export function createMemorySecretStore(): SecretStore & {
  setStatus(status: KeychainStatus): void;
  snapshot(): Map<string, string>;
} {
  const items = new Map<string, string>();
  let current: KeychainStatus = { status: 'available', reason: null, fix: null };
  const check = () => {
    if (current.status !== 'available') {
      throw new AppFailure(
        current.status === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
        `${current.reason ?? ''} ${current.fix ?? ''}`.trim(),
      );
    }
  };
  return {
    get: async (account) => (check(), items.get(account) ?? null),
    set: async (account, secret) => {
      check();
      items.set(account, secret);
    },
    delete: async (account) => (check(), items.delete(account)),
    accounts: async () => (check(), [...items.keys()]),
    status: async () => current,
    setStatus: (status) => {
      current = status;
    },
    snapshot: () => new Map(items),
  };
}
