import type { TokenFamily } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import { isIssuedSecret, isIssuedTokenName, isRancherName } from '../rancher/names';
import type { CreatedToken, RancherClient } from '../rancher/rancher-client';
import type { KeyContext } from './key-context';
import type { CreateRequest } from './key-create';
import { keyIdOf } from './key-id';

/** What a create answer is checked against: what was asked for, by whom, and what is held. */
export interface CreatedKeyExpectation {
  family: TokenFamily;
  /** The signed-in user's id: the only owner a key created with their credential can have. */
  userId: string;
  /** Whether the app already holds a key (secret or record) under this access key. */
  held: (keyId: string) => Promise<boolean>;
}

/** Why a create answer cannot be trusted; each reason is safe to show (no secret in it). */
export type CreatedKeyProblem =
  'family' | 'name' | 'secret' | 'bearer_name' | 'user' | 'already_held';

const problemText: Record<CreatedKeyProblem, string> = {
  family: 'a key of the other token family than the one asked for',
  name: 'a key name that is not the shape Rancher gives new keys (token- and 5 letters or digits)',
  secret: "a secret that is not Rancher's shape (54 of its 27 letters and digits)",
  bearer_name: 'a secret whose access key is not the name of the key created',
  user: 'a key that belongs to another user than the one signed in',
  already_held: 'the name of a key Rancher Keys already holds',
};

/** The reasons, in words, for an error message. */
export function describeProblems(problems: readonly CreatedKeyProblem[]): string {
  return problems.map((p) => problemText[p]).join('; ');
}

/**
 * Checks a create answer before anything of it is stored (issue 9, class 1): the name has the shape
 * Rancher issues, the secret Rancher's alphabet and length, the bearer's access key is that name,
 * the owner is the signed-in user and no key of that name is held yet. Returns what is wrong (empty
 * when the answer can be trusted).
 */
export async function checkCreatedKey(
  created: CreatedToken,
  expected: CreatedKeyExpectation,
): Promise<CreatedKeyProblem[]> {
  const problems: CreatedKeyProblem[] = [];
  const { token, bearer } = created;
  if (token.family !== expected.family) problems.push('family');
  const nameOk = isIssuedTokenName(token.name);
  if (!nameOk) problems.push('name');
  const colon = bearer.lastIndexOf(':');
  if (colon < 0 || !isIssuedSecret(bearer.slice(colon + 1))) problems.push('secret');
  const keyId = keyIdOf(expected.family, token.name);
  if (colon < 0 || bearer.slice(0, colon) !== keyId) problems.push('bearer_name');
  if (!expected.userId || token.userId !== expected.userId) problems.push('user');
  if (isRancherName(token.name) && (await expected.held(keyId))) problems.push('already_held');
  return problems;
}

/** The object name in a bearer's access key (`ext/<name>` for ext), or null when it has none. */
function accessKeyName(family: TokenFamily, bearer: string): string | null {
  const colon = bearer.lastIndexOf(':');
  if (colon < 0) return null;
  const accessKey = bearer.slice(0, colon);
  if (family === 'v3') return accessKey;
  return accessKey.startsWith('ext/') ? accessKey.slice(4) : null;
}

/**
 * Stores nothing of a create answer that fails {@link checkCreatedKey}: the token it names is
 * revoked where that is safe (a well-formed name of no key the app holds), the journal entry is
 * closed, and the error says what was wrong.
 */
export async function refuseUntrusted(
  ctx: KeyContext,
  request: CreateRequest,
  client: RancherClient,
  created: CreatedToken,
  entryId: string,
): Promise<void> {
  const { serverId } = request;
  const user = await client.me();
  const held = async (keyId: string) =>
    Object.hasOwn(ctx.cache.get(serverId).keys, keyId) ||
    (await ctx.deps.secrets.get(ctx.account(serverId, keyId))) !== null;
  const problems = await checkCreatedKey(created, {
    family: request.family,
    userId: user.id,
    held,
  });
  if (problems.length === 0) return;
  // The token created is the one the answer names or the one its bearer names: revoke each that is
  // well-formed and not a key the app holds (that one is the user's, whatever the answer claims).
  const names = new Set([created.token.name, accessKeyName(request.family, created.bearer)]);
  let revoked = false;
  if (!problems.includes('family')) {
    for (const name of names) {
      if (name === null || !isRancherName(name)) continue;
      if (await held(keyIdOf(request.family, name))) continue;
      const answer = await client.deleteToken(request.family, name).catch(() => 'failed');
      revoked ||= answer === 'deleted';
    }
  }
  await ctx.journal.end(entryId);
  ctx.deps.log.warn('keys: refused a create answer', { serverId, problems });
  const host = new URL(ctx.deps.servers.get(serverId).origin).host;
  throw new AppFailure(
    'server_error',
    `${host} answered the new key with ${describeProblems(problems)}. Nothing was stored. ${
      revoked
        ? 'The key it created was revoked.'
        : 'Check the keys of your account in Rancher and delete any key you did not expect.'
    }`,
  );
}
