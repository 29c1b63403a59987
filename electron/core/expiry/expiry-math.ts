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
