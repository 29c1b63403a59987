import { LOGIN_ACCOUNT } from '../servers/sign-in-sessions';
import { secretAccount } from '../vault/secret-store';

/** The keychain account of a server's sign-in credential. */
export function signInSecretAccount(origin: string): string {
  return secretAccount(origin, LOGIN_ACCOUNT);
}

/**
 * The keychain account holding a key's bearer: the sign-in credential's item for the key the app
 * signs in with (it is stored once, there), the key's own item otherwise. Shared by Copy and the
 * `rancher-keys` command so both always read the same item.
 */
export function keySecretAccount(
  origin: string,
  signInKeyId: string | null,
  keyId: string,
): string {
  return signInKeyId === keyId ? signInSecretAccount(origin) : secretAccount(origin, keyId);
}
