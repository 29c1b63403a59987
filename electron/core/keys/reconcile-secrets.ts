import type { Logger } from '../log';
import { parseAccount } from '../vault/keychain-accounts';
import { maskBearer } from './key-id';
import type { KeyContext } from './key-context';

/** What a look at the keychain saw: the key ids it holds secrets for, by server origin. */
export type KeychainLook = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * One look at the keychain for {@link reconcileSecrets}: the key secrets it holds when it answers a
 * write probe, or null (a locked keyring lists nothing, which proves nothing). A refresh of every
 * server shares one look (key-refresh.ts): each look is a write probe and a listing of every item,
 * both serialised round trips to the Secret Service, and they were asked for once per server.
 */
export async function lookAtKeychain(deps: KeyContext['deps']): Promise<KeychainLook | null> {
  if ((await deps.secrets.status()).status !== 'available') return null;
  const held = new Map<string, Set<string>>();
  for (const account of await deps.secrets.accounts()) {
    const parsed = parseAccount(account);
    if (parsed?.kind !== 'key') continue;
    let ids = held.get(parsed.origin);
    if (!ids) held.set(parsed.origin, (ids = new Set()));
    ids.add(parsed.keyId);
  }
  return held;
}

/**
 * Makes the key records agree with the keychain (issue 10 §7): a secret in the keychain whose
 * record lost track of it (a damaged key file set aside, a crash) is claimed again, and a record
 * that claims a secret the keychain no longer has stops claiming it. `look` is a look at the
 * keychain taken at most one refresh ago ({@link lookAtKeychain}); each claim and each drop is
 * checked against the keychain itself, so a key created or deleted since the look is not touched,
 * and nothing is dropped unless the keychain still answers a write probe. Secrets of keys the
 * server no longer lists are left alone: only their owner can say they are not needed.
 * Returns how many records changed.
 */
export async function reconcileSecrets(
  ctx: KeyContext,
  serverId: string,
  look: Promise<KeychainLook | null>,
): Promise<number> {
  const { deps } = ctx;
  const seen = await look;
  if (!seen) return 0;
  const held: ReadonlySet<string> = seen.get(deps.servers.get(serverId).origin) ?? new Set();
  const claim = new Map<string, string | null>();
  const drop: string[] = [];
  const { keys } = ctx.cache.get(serverId);
  for (const keyId of held) {
    const record = Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
    if (record && !record.hasSecret) {
      const bearer = await deps.secrets.get(ctx.account(serverId, keyId));
      if (bearer) claim.set(keyId, maskBearer(keyId, bearer));
    }
  }
  for (const keyId in keys) {
    if (!keys[keyId]?.hasSecret || held.has(keyId)) continue;
    // Stored since the listing (a create in flight)? The keychain is asked once more.
    if ((await deps.secrets.get(ctx.account(serverId, keyId))) === null) drop.push(keyId);
  }
  // A keyring locked since the look answers every read with null: drop only what a keychain that
  // still answers a write probe says is gone.
  if (drop.length > 0 && (await deps.secrets.status()).status !== 'available') drop.length = 0;
  if (claim.size === 0 && drop.length === 0) return 0;
  await ctx.cache.update(serverId, (doc) => {
    const next = { ...doc.keys };
    for (const [keyId, preview] of claim) {
      const record = next[keyId];
      if (record && !record.hasSecret) next[keyId] = { ...record, hasSecret: true, preview };
    }
    for (const keyId of drop) {
      const record = next[keyId];
      if (record?.hasSecret) next[keyId] = { ...record, hasSecret: false, preview: null };
    }
    return { ...doc, keys: next };
  });
  logChanges(deps.log, serverId, claim.size, drop.length);
  ctx.changed(serverId);
  return claim.size + drop.length;
}

function logChanges(log: Logger, serverId: string, claimed: number, dropped: number): void {
  log.warn('keys: key records reconciled with the keychain', { serverId, claimed, dropped });
}
