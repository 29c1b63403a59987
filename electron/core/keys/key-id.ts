import { z } from 'zod';
import type { TokenFamily } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import { isRancherName } from '../rancher/names';

/** The access key of a token: `token-abc12` (v3) or `ext/token-abc12` (ext). */
export function keyIdOf(family: TokenFamily, name: string): string {
  return family === 'ext' ? `ext/${name}` : name;
}

/**
 * Splits a pasted access key (`token-abc12` or `ext/token-abc12`) into family and name: the `ext/`
 * prefix is how Rancher's credential format marks an ext token (rancher-api.md §2.2). Keys the app
 * lists never go through here: their family comes from the list they were in. The name must be in
 * Rancher's grammar, which has no `/`, so the split is unambiguous.
 */
export function splitAccessKey(keyId: string): { family: TokenFamily; name: string } {
  const ref: { family: TokenFamily; name: string } = keyId.startsWith('ext/')
    ? { family: 'ext', name: keyId.slice(4) }
    : { family: 'v3', name: keyId };
  if (!isRancherName(ref.name)) {
    throw new AppFailure('invalid_input', 'That is not a Rancher access key.');
  }
  return ref;
}

// Rancher names are Kubernetes names (token-xxxxx, kubeconfig-user-x…); secrets are 54 characters
// of a 27-letter alphabet, but older or future releases may differ, so only the shape is enforced.
const bearerSchema = z
  .string()
  .trim()
  .regex(
    /^(ext\/)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?:[A-Za-z0-9]{16,256}$/,
    'A Rancher API key looks like token-xxxxx:secret or ext/token-xxxxx:secret (the access key, a colon, then the secret key).',
  );

/** A pasted bearer token, validated. The secret part never appears in an error message. */
export function parseBearer(text: string): {
  keyId: string;
  family: TokenFamily;
  name: string;
  bearer: string;
} {
  const parsed = bearerSchema.safeParse(text);
  if (!parsed.success) {
    throw new AppFailure('invalid_input', parsed.error.issues[0]?.message ?? 'Not an API key.');
  }
  const bearer = parsed.data;
  const keyId = bearer.slice(0, bearer.lastIndexOf(':'));
  return { keyId, ...splitAccessKey(keyId), bearer };
}

/** The secret key part of a bearer (everything after the access key and its colon). */
export function secretOf(bearer: string): string {
  return bearer.slice(bearer.lastIndexOf(':') + 1);
}

/** Masked bearer for display: `token-abc12:h6dp…gj4`. */
export function maskBearer(keyId: string, bearer: string | null): string {
  const secret = bearer ? secretOf(bearer) : '';
  if (secret.length < 12) return `${keyId}:…`;
  return `${keyId}:${secret.slice(0, 4)}…${secret.slice(-3)}`;
}
