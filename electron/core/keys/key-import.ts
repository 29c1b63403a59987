import type { KeyView } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import { parseBearer, maskBearer } from './key-id';
import type { KeyContext } from './key-context';
import { recordFor } from './key-records';
import { ownEntry, withEntry } from '../id-table';

/** Why a key was refused on import: gone (or another user's), not its owner's, or expired. */
export type ImportRefusalReason = 'revoked' | 'not_owner' | 'expired';

/**
 * A refusal the server's answer proves (not a transport failure): the Plaintext check lists such
 * tokens instead of importing them, by reason.
 */
export class ImportRefusal extends AppFailure {
  constructor(
    code: 'unauthorized' | 'not_found' | 'forbidden' | 'invalid_input',
    message: string,
    readonly reason: ImportRefusalReason,
  ) {
    super(code, message);
  }
}

/**
 * Imports a pasted bearer token: the key must exist on the server, belong to the signed-in user,
 * be usable (not expired, not disabled), and its secret must authenticate a request. Then the
 * secret goes to the keychain and the key to metadata.
 */
export async function importKey(
  ctx: KeyContext,
  input: { serverId: string; bearer: string; labels: string[] },
): Promise<KeyView> {
  const { deps } = ctx;
  const { keyId, family, name, bearer } = parseBearer(input.bearer);
  const server = deps.servers.get(input.serverId);
  if (family === 'ext' && !server.tokenApis.ext) {
    throw new AppFailure(
      'invalid_input',
      `${server.name} has no ext tokens (they arrived in Rancher 2.12), so this cannot be one of its keys.`,
    );
  }
  await ctx.requireKeychain();
  const withKey = deps.servers.clientWith(input.serverId, bearer);
  // Signed in: look the key up as the signed-in user (ownership); otherwise ask as the key itself.
  const owner = server.signedIn ? deps.servers.clientFor(input.serverId) : withKey;
  const user = await owner.me().catch((error: unknown) => {
    if (!server.signedIn && error instanceof AppFailure && error.code === 'unauthorized') {
      throw new ImportRefusal(
        'unauthorized',
        `${server.name} refused this key: the secret is wrong, or the key is expired, disabled, revoked or scoped to one cluster.`,
        'revoked',
      );
    }
    throw error;
  });
  const token = await owner.getToken(family, name);
  if (!token && server.signedIn) {
    // Rancher lists only the caller's own tokens: ask as the key whose it is, to tell "another
    // user's" from "gone" (a failure here means gone, or unusable outside its cluster).
    const holder = await withKey.me().catch(() => null);
    if (holder && holder.id !== user.id) {
      throw new ImportRefusal(
        'forbidden',
        `Key ${keyId} belongs to ${holder.username}, not to ${user.username}. Import keys of the account you are signed in with.`,
        'not_owner',
      );
    }
  }
  if (!token) {
    throw new ImportRefusal(
      'not_found',
      `${server.name} has no key ${keyId} for ${user.username}: it was deleted, or it belongs to another user.`,
      'revoked',
    );
  }
  if (token.userId !== user.id) {
    throw new ImportRefusal(
      'forbidden',
      `Key ${keyId} belongs to another user, not to ${user.username}. Import keys of the account you are signed in with.`,
      'not_owner',
    );
  }
  const now = deps.clock.now();
  if (token.expired || (token.expiresAt !== null && Date.parse(token.expiresAt) <= now)) {
    throw new ImportRefusal(
      'invalid_input',
      `Key ${keyId} expired on ${token.expiresAt ?? 'an earlier date'}; it can no longer be used. Create a new key instead.`,
      'expired',
    );
  }
  if (!token.enabled) {
    throw new ImportRefusal(
      'invalid_input',
      `Key ${keyId} is disabled on ${server.name}. Enable it first.`,
      'revoked',
    );
  }
  if (token.clusterId === null) {
    // Only an authenticated request proves the secret; a cluster-scoped key cannot make one
    // outside its cluster (rancher-api.md §5.1), so its secret is checked when first used.
    await withKey.me().catch((error: unknown) => {
      if (error instanceof AppFailure && error.code === 'unauthorized') {
        throw new ImportRefusal(
          'unauthorized',
          `${server.name} refused the secret of ${keyId}: check that you pasted the whole key (access key, colon, secret key).`,
          'revoked',
        );
      }
      throw error;
    });
  } else {
    deps.log.info('keys: imported a cluster-scoped key (its secret is checked on first use)', {
      serverId: input.serverId,
      clusterId: token.clusterId,
    });
  }
  await deps.secrets.set(ctx.account(input.serverId, keyId), bearer);
  await ctx.cache.update(input.serverId, (doc) => {
    const existing = ownEntry(doc.keys, keyId);
    const labels = [...new Set([...(existing?.labels ?? []), ...input.labels])];
    const record = recordFor(token, {
      ...(existing ?? {}),
      token,
      onServer: true,
      hasSecret: true,
      preview: maskBearer(keyId, bearer),
      labels,
    });
    return { ...doc, keys: withEntry(doc.keys, keyId, record) };
  });
  ctx.changed(input.serverId);
  return ctx.view(input.serverId, keyId);
}
