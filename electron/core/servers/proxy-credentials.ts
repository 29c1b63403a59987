import { proxyAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import type { StoredServer } from './server-store';

/**
 * The proxy passwords of the registered servers: one keychain item `proxy:<origin>` ({@link proxyAccount}) each, read
 * when a connection first needs it and then held in memory until the setting changes.
 */
export interface ProxyCredentials {
  /** The server's proxy password (null when none is stored or the keychain cannot be read). */
  password(server: StoredServer): Promise<string | null>;
  /** Stores (string) or removes (null) the password; undefined leaves it as it is. */
  save(server: StoredServer, password: string | null | undefined): Promise<void>;
  forget(id: string): void;
}

export function createProxyCredentials(secrets: SecretStore): ProxyCredentials {
  const cache = new Map<string, Promise<string | null>>();
  const account = (server: StoredServer) => proxyAccount(server.origin);
  return {
    password(server) {
      let pending = cache.get(server.id);
      if (!pending) {
        pending = secrets.get(account(server)).catch(() => null);
        cache.set(server.id, pending);
        // A failed or empty read is tried again next time (the keychain may be unlocked by then).
        void pending.then((value) => {
          if (value === null && cache.get(server.id) === pending) cache.delete(server.id);
        });
      }
      return pending;
    },
    async save(server, password) {
      if (password === undefined) return;
      cache.delete(server.id);
      if (password === null) await secrets.delete(account(server));
      else await secrets.set(account(server), password);
    },
    forget: (id) => cache.delete(id),
  };
}
