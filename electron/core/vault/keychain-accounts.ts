import { randomUUID } from 'node:crypto';

/**
 * The one place keychain account names are built and read (design.md §4). The app and the
 * companion command both address items only through these functions.
 *
 * Two namespaces that cannot meet, by construction:
 * - a key's secret: `<origin>/<key id>`, e.g. `https://rancher.example.com/token-abc12` or
 *   `https://rancher.example.com/ext/token-abc12`; it always starts with `http://` or `https://`;
 * - a server's sign-in credential: `sign-in:<origin>`, e.g. `sign-in:https://rancher.example.com`,
 *   and its proxy password: `proxy:<origin>`; these never start with a URL scheme, so no origin
 *   and no token name can produce them.
 *
 * Both parts are validated before they become an account: the origin must be a bare http(s) origin
 * (what `normaliseServerUrl` produces), the key id must have the shape of a Rancher token name
 * (a Kubernetes object name, optionally behind `ext/`). Anything else throws.
 */

/** A Kubernetes object name as Rancher gives tokens (DNS subdomain: lower case, digits, `-`, `.`). */
const tokenNamePattern = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const signInPrefix = 'sign-in:';
const proxyPrefix = 'proxy:';

/** Thrown when an account would be built from an unvalidated part. */
export class InvalidAccountPart extends Error {
  override readonly name = 'InvalidAccountPart';
}

/** Whether `origin` is a bare `http(s)://host[:port]` origin, exactly as URL normalises it. */
export function isAccountOrigin(origin: string): boolean {
  if (!/^https?:\/\//.test(origin)) return false;
  try {
    return new URL(origin).origin === origin;
  } catch {
    return false;
  }
}

/** Whether `keyId` is `<name>` or `ext/<name>` with a Rancher token name. */
export function isAccountKeyId(keyId: string): boolean {
  const name = keyId.startsWith('ext/') ? keyId.slice(4) : keyId;
  return tokenNamePattern.test(name);
}

function checkOrigin(origin: string): void {
  if (!isAccountOrigin(origin)) {
    throw new InvalidAccountPart('a keychain account needs a bare http(s) server origin');
  }
}

/** The account of a key's secret: `<origin>/<key id>`. Throws on an origin or key id out of shape. */
export function keyAccount(origin: string, keyId: string): string {
  checkOrigin(origin);
  if (!isAccountKeyId(keyId)) {
    throw new InvalidAccountPart('a keychain account needs a key id in Rancher token-name shape');
  }
  return `${origin}/${keyId}`;
}

/** The account of a server's sign-in credential: `sign-in:<origin>`. */
export function signInAccount(origin: string): string {
  checkOrigin(origin);
  return `${signInPrefix}${origin}`;
}

/** The account of a server's proxy password: `proxy:<origin>`. */
export function proxyAccount(origin: string): string {
  checkOrigin(origin);
  return `${proxyPrefix}${origin}`;
}

/**
 * The account holding a key's bearer: the sign-in credential's item for the key the app signs in
 * with (it is stored once, there), the key's own item otherwise. Copy and the `rancher-keys`
 * command both read through it, so they always read the same item.
 */
export function keySecretAccount(
  origin: string,
  signInKeyId: string | null,
  keyId: string,
): string {
  return signInKeyId === keyId ? signInAccount(origin) : keyAccount(origin, keyId);
}

/**
 * Where version 0.1 kept the sign-in credential (`<origin>/@login`): inside the key namespace, so a
 * token named `@login` could overwrite it. Read only to move such items on first start.
 */
export function legacySignInAccount(origin: string): string {
  checkOrigin(origin);
  return `${origin}/@login`;
}

/**
 * The throwaway item the availability probe writes and deletes: `probe/<pid>/<random>`, unique per
 * call (two probes in one millisecond used to share a name), with the PID so that items a killed
 * process left behind can be told from a running one's and removed.
 */
export function probeAccount(pid: number): string {
  return `probe/${pid}/${randomUUID()}`;
}

/** The PID in a probe account, or null when the account is not a probe. */
export function parseProbeAccount(account: string): { pid: number } | null {
  const match = /^probe\/(\d{1,10})\/[^/]+$/.exec(account);
  return match?.[1] ? { pid: Number(match[1]) } : null;
}

/** What an account names, or null for anything this app did not build (left alone). */
export type ParsedAccount =
  { kind: 'key'; origin: string; keyId: string } | { kind: 'sign-in' | 'proxy'; origin: string };

/** Reads an account name back into its parts; null when it is not one of ours in current layout. */
export function parseAccount(account: string): ParsedAccount | null {
  for (const [prefix, kind] of [
    [signInPrefix, 'sign-in'],
    [proxyPrefix, 'proxy'],
  ] as const) {
    if (!account.startsWith(prefix)) continue;
    const origin = account.slice(prefix.length);
    return isAccountOrigin(origin) ? { kind, origin } : null;
  }
  const match = /^(https?:\/\/[^/]+)\/(.+)$/.exec(account);
  if (!match?.[1] || !match[2]) return null;
  const [, origin, keyId] = match;
  return isAccountOrigin(origin) && isAccountKeyId(keyId) ? { kind: 'key', origin, keyId } : null;
}
