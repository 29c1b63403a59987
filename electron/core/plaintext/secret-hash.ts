import { createHmac, randomBytes } from 'node:crypto';

/**
 * Matches secrets without keeping them: an HMAC under a random key that exists only in this
 * process's memory, so a hash cannot be checked against a guess by anyone holding a copy of it
 * (there is none: hashes are never written anywhere) and means nothing after a restart.
 */
export interface SecretHasher {
  hash(secret: string): string;
}

export function createSecretHasher(): SecretHasher {
  const key = randomBytes(32);
  return { hash: (secret) => createHmac('sha256', key).update(secret).digest('base64url') };
}
