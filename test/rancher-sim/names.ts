import { randomInt, randomUUID } from 'node:crypto';

/**
 * Kubernetes' `util/rand` alphabet, used by `generateName` and by wrangler's `randomtoken`
 * (rancher-api.md §2.2): no vowels, no 0/1/3, so names never spell words.
 */
export const TOKEN_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Length of a token secret (W:pkg/randomtoken/token.go, rancher-api.md §2.2). */
export const SECRET_LENGTH = 54;

function randomChars(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return out;
}

/** `generateName`: the prefix plus 5 random characters, e.g. `token-` → `token-7kq2x`. */
export function generateName(prefix: string): string {
  return prefix + randomChars(5);
}

/** A fresh 54-character token secret. */
export function generateSecret(): string {
  return randomChars(SECRET_LENGTH);
}

/** A Kubernetes object UID. */
export function generateUid(): string {
  return randomUUID();
}

/** A v2-provisioning cluster id, `c-m-` + 8 characters (rancher-api.md §5.2). */
export function generateClusterId(): string {
  return 'c-m-' + randomChars(8);
}

/** Go's `time.RFC3339` at second precision in UTC, as Kubernetes writes timestamps. */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Truncates to whole seconds, as Kubernetes metadata and `lastUsedAt` store time. */
export function truncateToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
