import type { Logger } from '../log';
import { legacySignInAccount, signInAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import type { StoredServer } from './server-store';

/**
 * `secrets` for the sign-in sessions: each call first waits for `migration` (the move below, which
 * runs in the background from start), so no sign-in item is read, written or deleted while it may
 * still be moving.
 */
export function afterMigration(
  secrets: SecretStore,
  migration: () => Promise<unknown>,
): SecretStore {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await migration();
      return call(...args);
    };
  return {
    get: after((account: string) => secrets.get(account)),
    set: after((account: string, secret: string) => secrets.set(account, secret)),
    delete: after((account: string) => secrets.delete(account)),
    accounts: after(() => secrets.accounts()),
    status: after(() => secrets.status()),
  };
}

/**
 * Moves sign-in credentials from the 0.1 account `<origin>/@login` (inside the key namespace, where
 * a token named `@login` could overwrite it) to `sign-in:<origin>`. An item moves only when it is
 * the credential the server record describes (its access key is the recorded sign-in key) and the
 * new account is still empty; the old item is deleted after the new one is written, so a crash in
 * between leaves a copy, never nothing. Returns how many moved; failures are logged and retried on
 * the next start (a locked keyring reads as empty, so nothing moves then).
 */
export async function moveLegacySignIns(
  secrets: SecretStore,
  servers: readonly StoredServer[],
  log: Logger,
): Promise<number> {
  let moved = 0;
  for (const server of servers) {
    try {
      const legacy = legacySignInAccount(server.origin);
      const bearer = await secrets.get(legacy);
      if (bearer === null) continue;
      const target = signInAccount(server.origin);
      const current = await secrets.get(target);
      if (current === null && server.signIn && bearer.startsWith(`${server.signIn.keyId}:`)) {
        await secrets.set(target, bearer);
        moved++;
      } else if (current !== bearer) {
        log.warn('servers: an old sign-in item does not match the sign-in record; left in place', {
          serverId: server.id,
        });
        continue;
      }
      await secrets.delete(legacy);
    } catch (error) {
      log.warn('servers: could not move an old sign-in item; retried on the next start', {
        serverId: server.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return moved;
}
