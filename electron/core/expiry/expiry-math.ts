import type { Settings } from '../../contract/settings';

/** Something whose expiry is watched: a key or a sign-in session. */
export interface Watched {
  expiresAt: number;
  /** When it came to be; a threshold already behind it at birth is not a crossing. */
  createdAt: number | null;
  /** No warning before this instant. */
  snoozedUntil: number | null;
}

/**
 * The thresholds to warn at, in ms before expiry, most distant first; 0 (= at expiry) included when
 * `warnAtExpiry` is set.
 */
export function thresholdsOf(
  settings: Pick<Settings, 'warningThresholdsMs' | 'warnAtExpiry'>,
): number[] {
  const all = new Set(settings.warningThresholdsMs.filter((t) => t > 0));
  if (settings.warnAtExpiry) all.add(0);
  return [...all].sort((a, b) => b - a);
}

/** The share of a key's own lifetime, at most, during which it counts as expiring soon. */
export const EXPIRING_SHARE = 0.25;

/**
 * A key's lifetime: its ttl, else from its creation to its expiry; null when neither is known.
 * (An ext token's ttl counts from its creation, so a shortened one has the shorter lifetime.)
 */
export function lifetimeOf(
  ttlMs: number | null,
  createdAt: number | null,
  expiresAt: number | null,
): number | null {
  if (ttlMs !== null && ttlMs > 0) return ttlMs;
  if (createdAt !== null && expiresAt !== null && expiresAt > createdAt) {
    return expiresAt - createdAt;
  }
  return null;
}

/**
 * How long before its expiry a key counts as expiring soon: the warning window, but never more
 * than the last quarter of its own lifetime, so a key made for a day or two hours is not "expiring
 * soon" from birth (a 90-day key keeps the whole 7-day window). The one rule for the key's state,
 * and so for the banner, the Expiring view, the tray and the CLI, and, through
 * {@link thresholdsWithin}, for notifications.
 */
export function expiringWindowFor(windowMs: number, lifetimeMs: number | null): number {
  return lifetimeMs === null ? windowMs : Math.min(windowMs, lifetimeMs * EXPIRING_SHARE);
}

/**
 * One key's warning thresholds: each capped at the key's own expiring window, so the first
 * notification comes exactly when the key turns "expiring soon" in the window and the tray, and
 * not before. Most distant first, without duplicates.
 */
export function thresholdsWithin(thresholds: readonly number[], windowMs: number): number[] {
  return [...new Set(thresholds.map((t) => Math.min(t, windowMs)))].sort((a, b) => b - a);
}

/** Whether the crossing of `threshold` happened (or will happen) after the item was created. */
function counts(item: Watched, threshold: number): boolean {
  return item.createdAt === null || item.expiresAt - threshold > item.createdAt;
}

/**
 * The most severe threshold crossed at `now` (the smallest), or null when none is. Several
 * crossings (say, the app was closed for a week) collapse into the most severe one.
 */
export function crossedThreshold(
  item: Watched,
  thresholds: readonly number[],
  now: number,
): number | null {
  let level: number | null = null;
  for (const t of thresholds) {
    if (item.expiresAt - t <= now && counts(item, t) && (level === null || t < level)) level = t;
  }
  return level;
}

/** Whether the item is snoozed at `now`. */
export function isSnoozed(item: Watched, now: number): boolean {
  return item.snoozedUntil !== null && item.snoozedUntil > now;
}

/**
 * The warning due at `now`, given the most severe level already announced (undefined = none):
 * the crossed level when it is more severe than the announced one and the item is not snoozed.
 */
export function dueWarning(
  item: Watched,
  thresholds: readonly number[],
  notified: number | undefined,
  now: number,
): number | null {
  if (isSnoozed(item, now)) return null;
  const level = crossedThreshold(item, thresholds, now);
  if (level === null) return null;
  return notified === undefined || level < notified ? level : null;
}

/**
 * The next instant something may become due for this item: its next threshold crossing, or the
 * end of a snooze that holds back a crossing. Null when nothing is left to announce.
 */
export function nextDeadline(
  item: Watched,
  thresholds: readonly number[],
  notified: number | undefined,
  now: number,
): number | null {
  let next: number | null = null;
  for (const t of thresholds) {
    const at = item.expiresAt - t;
    if (at > now && counts(item, t) && (notified === undefined || t < notified)) {
      if (next === null || at < next) next = at;
    }
  }
  if (isSnoozed(item, now)) {
    const held = crossedThreshold(item, thresholds, now);
    const pending = held !== null && (notified === undefined || held < notified);
    const until = item.snoozedUntil as number;
    if (pending) next = next === null ? until : Math.min(next, until);
    else if (next !== null && next < until) next = until;
  }
  return next;
}
