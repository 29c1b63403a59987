import type { Logger } from '../log';
import { parseAccount } from '../vault/keychain-accounts';
import { maskBearer } from './key-id';
import type { KeyContext } from './key-context';

/**
 * Makes the key records agree with the keychain (issue 10 §7): a secret in the keychain whose
 * record lost track of it (a damaged key file set aside, a crash) is claimed again, and a record
 * that claims a secret the keychain no longer has stops claiming it. Runs only when the keychain
 * answers a write probe (a locked keyring lists nothing, which proves nothing). Secrets of keys the
 * server no longer lists are left alone: only their owner can say they are not needed.
 * Returns how many records changed.
 */
export async function reconcileSecrets(ctx: KeyContext, serverId: string): Promise<number> {
  const { deps } = ctx;
  if ((await deps.secrets.status()).status !== 'available') return 0;
  const origin = deps.servers.get(serverId).origin;
  const held = new Set<string>();
  for (const account of await deps.secrets.accounts()) {
    const parsed = parseAccount(account);
    if (parsed?.kind === 'key' && parsed.origin === origin) held.add(parsed.keyId);
  }
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
