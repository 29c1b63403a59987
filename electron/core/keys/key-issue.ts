import type { ExpiryChoice } from '../../contract/keys';
import type { Output, ParsedInput } from '../../contract/ipc';
import { AppFailure } from '../app-failure';
import type { KeyContext } from './key-context';
import { createAndStore } from './key-create';
import { backgroundRevocation, revokeKeys } from './key-revoke';

const DAY = 24 * 3_600_000;

function describeDuration(ms: number): string {
  return ms % DAY === 0 ? `${ms / DAY} days` : `${Math.round(ms / 60_000)} minutes`;
}

/** The requested lifetime for an expiry choice, checked against the server's maximum. */
function requestedTtl(
  choice: ExpiryChoice,
  server: { name: string; maxTtlMs: number | null },
): { ttlMs: number; requested: number | null } {
  if (choice.kind === 'never') {
    if (server.maxTtlMs !== null) {
      throw new AppFailure(
        'invalid_input',
        `${server.name} does not allow keys that never expire (its maximum is ${describeDuration(server.maxTtlMs)}). Choose "maximum allowed" or a shorter expiry.`,
      );
    }
    return { ttlMs: 0, requested: null };
  }
  if (choice.kind === 'max') {
    if (server.maxTtlMs === null) {
      throw new AppFailure(
        'invalid_input',
        `${server.name} sets no maximum key lifetime. Choose "never" or a duration.`,
      );
    }
    return { ttlMs: server.maxTtlMs, requested: server.maxTtlMs };
  }
  return { ttlMs: choice.ms, requested: choice.ms };
}

function isClamped(requested: number | null, granted: number | null): boolean {
  if (requested === null) return granted !== null;
  return granted !== null && granted < requested;
}

/** The lifetime the server granted, null for a key that never expires. */
function grantedTtl(token: { ttlMs: number | null }): number | null {
  return token.ttlMs && token.ttlMs > 0 ? token.ttlMs : null;
}

/**
 * Creates a new key: the expiry choice is checked against the server's maximum, then the key is
 * created and stored crash-safely ({@link createAndStore}). Reports whether the server shortened
 * the lifetime it was asked for.
 */
export async function createKey(
  ctx: KeyContext,
  input: ParsedInput<'keys:create'>,
): Promise<Output<'keys:create'>> {
  const { servers } = ctx.deps;
  const server = servers.get(input.serverId);
  if (input.family === 'ext' && !server.tokenApis.ext) {
    throw new AppFailure(
      'invalid_input',
      `${server.name} has no ext tokens (they need Rancher 2.12 or later). Create a v3 key instead.`,
    );
  }
  const { ttlMs, requested } = requestedTtl(input.expiry, server);
  const client = servers.clientFor(input.serverId);
  await ctx.requireKeychain();
  const { record, keyId } = await createAndStore(
    ctx,
    {
      serverId: input.serverId,
      op: 'create',
      family: input.family,
      description: input.description,
      labels: [...new Set(input.labels)],
      clusterId: input.clusterId,
      ttlMs,
      oldKeyId: null,
      revokeOldAfterMs: 0,
    },
    client,
  );
  ctx.changed(input.serverId);
  const granted = grantedTtl(record.token);
  return {
    key: ctx.view(input.serverId, keyId),
    endpoint: `${server.origin}/v3`,
    requestedTtlMs: requested,
    grantedTtlMs: granted,
    clamped: isClamped(requested, granted),
  };
}

/**
 * Renews a key: a new key with the old one's description, labels, scope and lifetime, then the
 * old one revoked at once or, after a grace period, by the revocation timer.
 */
export async function renewKey(
  ctx: KeyContext,
  input: ParsedInput<'keys:renew'>,
): Promise<Output<'keys:renew'>> {
  const { servers } = ctx.deps;
  const server = servers.get(input.serverId);
  const old = ctx.record(input.serverId, input.keyId);
  if (input.keyId === server.signInKeyId) {
    throw new AppFailure(
      'conflict',
      `This key is how Rancher Keys signs in to ${server.name}; renewing it would revoke the sign-in. Sign in with another key first.`,
    );
  }
  if (!old.onServer) {
    throw new AppFailure(
      'conflict',
      `Key ${input.keyId} is no longer on ${server.name}; there is nothing to renew. Create a new key instead.`,
    );
  }
  const client = servers.clientFor(input.serverId);
  await ctx.requireKeychain();
  const requested = grantedTtl(old.token);
  const { record, keyId } = await createAndStore(
    ctx,
    {
      serverId: input.serverId,
      op: 'renew',
      family: old.token.family,
      description: old.token.description,
      labels: old.labels,
      clusterId: old.token.clusterId,
      ttlMs: requested ?? 0,
      oldKeyId: input.keyId,
      revokeOldAfterMs: input.revokeOldAfterMs,
    },
    client,
  );
  // The old key's revocation was recorded with the new key (createAndStore), so a crash from here
  // on still revokes it: at once on the next start, or when its grace period ends.
  let oldRevokeAt: string | null = null;
  if (input.revokeOldAfterMs === 0) {
    const results = await revokeKeys(ctx, input.serverId, [input.keyId]);
    // The renewal's own revocation: its entry in the activity log beside the renewal's, worded
    // like the revocations the app does by itself (the grace period's end, a retry).
    await ctx.recordRevocations(
      results.map((r) =>
        backgroundRevocation(input.serverId, r, 'renewed; old key revoked at once'),
      ),
    );
  } else {
    oldRevokeAt = ctx.cache.get(input.serverId).keys[input.keyId]?.revokeAt ?? null;
    ctx.armRevocations();
  }
  ctx.changed(input.serverId);
  return {
    key: ctx.view(input.serverId, keyId),
    oldKeyId: input.keyId,
    oldRevokeAt,
    clamped: isClamped(requested, grantedTtl(record.token)),
  };
}
