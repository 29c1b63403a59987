import { keyStateOf } from '../core/keys/key-view';
import { defaultKeyOf, handleOf, resolveKeyRef } from '../core/keys/key-handle';
import { keySecretAccount } from '../core/vault/keychain-accounts';
import type { KeyRecord } from '../core/keys/key-records';
import type { StoredServer } from '../core/servers/server-store';
import { AppFailure } from '../core/app-failure';
import { printable } from './args';
import type { CliContext } from './cli-context';
import { CliError, formatInstant } from './io';

/** A key a command will use, with its server. */
export interface PickedKey {
  server: StoredServer;
  keyId: string;
  handle: string;
  record: KeyRecord;
}

/**
 * The key a command names (`KEY` or `--key`: its name, or the name it had before a Renew), or the
 * server's default key for tools.
 */
export async function pickKey(
  ctx: CliContext,
  serverRef: string | undefined,
  keyRef: string | undefined,
): Promise<PickedKey> {
  const server = await ctx.server(serverRef);
  const { keys } = await ctx.keys(server);
  const found = keyRef === undefined ? defaultKeyOf(keys) : resolveKeyRef(keys, keyRef.trim());
  if (!found) {
    throw new CliError(
      keyRef === undefined
        ? `${server.name} has no default key for tools: mark one in Rancher Keys (key menu → "Use as default for tools"), or name a key (rancher-keys list --server "${server.name}").`
        : `There is no key "${printable(keyRef)}" on ${server.name} in Rancher Keys: see rancher-keys list --server "${server.name}".`,
    );
  }
  return {
    server,
    keyId: found.keyId,
    handle: handleOf(found.keyId, found.record),
    record: found.record,
  };
}

/**
 * Fails, with the fix, unless the key can authenticate as far as Rancher Keys knows: not expired,
 * revoked, deleted or disabled, and its secret held.
 */
export function assertUsable(ctx: CliContext, key: PickedKey): void {
  const { server, keyId, record } = key;
  // No warning window: whether a key is merely "expiring" does not matter here, so the settings
  // file is not read (a damaged one must not break kubectl, and the native helper reads no more).
  const state = keyStateOf(record, ctx.io.now(), 0);
  const expiresAt = record.token.expiresAt ? Date.parse(record.token.expiresAt) : NaN;
  switch (state) {
    case 'expired':
      throw new CliError(
        `${keyId} on ${server.name} expired${Number.isNaN(expiresAt) ? '' : ` on ${formatInstant(expiresAt)}`}: renew ${keyId} in Rancher Keys.`,
      );
    case 'revoked':
      throw new CliError(
        `${keyId} is no longer on ${server.name} (it was revoked or deleted there): renew it in Rancher Keys, or create a new key.`,
      );
    case 'pending_revocation':
      throw new CliError(
        `${keyId} was deleted in Rancher Keys: create a new key there (or mark another one as the default for tools).`,
      );
    case 'disabled':
      throw new CliError(`${keyId} is disabled on ${server.name}: enable it in Rancher Keys.`);
    default:
      break;
  }
  if (!record.hasSecret && server.signIn?.keyId !== keyId) {
    throw new CliError(
      `Rancher Keys does not hold the secret of ${keyId} (it was created elsewhere): import it in Rancher Keys, or use another key.`,
    );
  }
}

/** The key's bearer from the keychain; a missing item is told apart from a locked keychain. */
export async function readBearer(ctx: CliContext, key: PickedKey): Promise<string> {
  const secrets = ctx.secrets();
  const account = keySecretAccount(key.server.origin, key.server.signIn?.keyId ?? null, key.keyId);
  let bearer: string | null;
  try {
    bearer = await secrets.get(account);
    if (bearer) return bearer;
    const status = await secrets.status();
    if (status.status !== 'available') {
      throw new CliError(
        `${status.reason ?? 'The keychain cannot be read.'} ${status.fix ?? ''}`.trim(),
      );
    }
  } catch (error) {
    if (error instanceof AppFailure) throw new CliError(error.message);
    throw error;
  }
  throw new CliError(
    `The secret of ${key.keyId} is not in the keychain (service "${ctx.keychainService}"): import the key again in Rancher Keys.`,
  );
}

/** Picks a key, checks it, reads its bearer: what `token`, `env`, `exec` and kubectl need. */
export async function usableBearer(
  ctx: CliContext,
  serverRef: string | undefined,
  keyRef: string | undefined,
): Promise<PickedKey & { bearer: string }> {
  const key = await pickKey(ctx, serverRef, keyRef);
  assertUsable(ctx, key);
  return { ...key, bearer: await readBearer(ctx, key) };
}
