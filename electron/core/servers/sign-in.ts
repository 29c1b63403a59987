import { AppFailure } from '../app-failure';
import type { RancherClient } from '../rancher/rancher-client';
import type { StoredSignIn } from './health';

/** A bearer as Rancher issues them: `token-abc12:<secret>` or `ext/token-abc12:<secret>`. */
const bearerPattern = /^(ext\/)?([a-z0-9][a-z0-9.-]{0,252}):([A-Za-z0-9]{8,})$/;

/** Splits a pasted bearer; throws `invalid_input` (without echoing it) when it is not one. */
export function parseBearer(token: string): {
  family: 'v3' | 'ext';
  name: string;
  accessKey: string;
} {
  const match = bearerPattern.exec(token.trim());
  if (!match?.[2]) {
    throw new AppFailure(
      'invalid_input',
      'Paste the whole bearer token, as Rancher showed it: token-xxxxx:secret (or ext/token-xxxxx:secret).',
    );
  }
  const family = match[1] ? 'ext' : 'v3';
  return { family, name: match[2], accessKey: `${match[1] ?? ''}${match[2]}` };
}

const scopedMessage =
  'This key is scoped to one cluster; Rancher only accepts unscoped keys for managing keys. Paste an unscoped key or sign in with a password.';

/**
 * Verifies a pasted API key against the server and describes the sign-in it makes. Rancher answers
 * 401 to a cluster-scoped v3 key everywhere outside its cluster (rancher-api.md §5.1), exactly as to
 * a wrong or revoked key, so a 401 names both causes; an ext key's scope is read from the token.
 */
export async function verifyApiKey(client: RancherClient, token: string): Promise<StoredSignIn> {
  const { family, name, accessKey } = parseBearer(token);
  let user;
  try {
    user = await client.me();
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'unauthorized') {
      throw new AppFailure(
        'unauthorized',
        `Rancher did not accept this key. It may be wrong, expired, disabled, or scoped to one cluster (Rancher only accepts unscoped keys for managing keys). Paste an unscoped key or sign in with a password.`,
      );
    }
    throw error;
  }
  let own;
  try {
    own = await client.getToken(family, name);
  } catch (error) {
    // A v3 key that reached /v3/users but not /v3/tokens is scoped (§5.1).
    if (error instanceof AppFailure && error.code === 'unauthorized') {
      throw new AppFailure('unauthorized', scopedMessage);
    }
    throw error;
  }
  if (own?.clusterId) throw new AppFailure('unauthorized', scopedMessage);
  return {
    method: 'api_key',
    provider: null,
    user,
    keyId: accessKey,
    expiresAt: own?.expiresAt ?? null,
    rejected: false,
  };
}

/** Signs in with a password; returns the session bearer (a secret) and the sign-in it makes. */
export async function passwordSignIn(
  anonymous: RancherClient,
  withBearer: (bearer: string) => RancherClient,
  input: { provider: string; username: string; password: string },
): Promise<{ bearer: string; signIn: StoredSignIn }> {
  const session = await anonymous.login(input.provider, input.username, input.password);
  const { accessKey } = parseBearer(session.bearer);
  const user = await withBearer(session.bearer).me();
  return {
    bearer: session.bearer,
    signIn: {
      method: 'password',
      provider: input.provider,
      user,
      keyId: accessKey,
      expiresAt: session.expiresAt,
      rejected: false,
    },
  };
}
