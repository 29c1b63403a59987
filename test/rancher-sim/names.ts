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

/**
 * The simulated server's local offset. Rancher's ext token store formats `status` times with Go's
 * `time.RFC3339` on local time, so a server outside UTC writes `2025-08-19T02:05:00-05:00`
 * (Kubernetes `metadata` times stay UTC).
 */
export const SERVER_UTC_OFFSET_MINUTES = -300;

/** Go's `time.RFC3339` at second precision in the server's local offset (`…-05:00`). */
export function formatLocalTime(ms: number, offsetMinutes = SERVER_UTC_OFFSET_MINUTES): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
  if (offsetMinutes === 0) return formatTime(ms);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
