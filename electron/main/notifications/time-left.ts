const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The time left before an expiry, in words: "expires in 6 days", "expires in 3 hours",
 * "expires in 1 minute", "expired". Rounded to the nearest unit, so a warning that fires a few
 * milliseconds after its 1-day threshold still says "1 day".
 */
export function formatTimeLeft(msLeft: number): string {
  if (msLeft <= 0) return 'expired';
  if (msLeft >= DAY - HOUR / 2) return `expires in ${plural(Math.round(msLeft / DAY), 'day')}`;
  if (msLeft >= HOUR - MINUTE / 2) return `expires in ${plural(Math.round(msLeft / HOUR), 'hour')}`;
  return `expires in ${plural(Math.max(1, Math.round(msLeft / MINUTE)), 'minute')}`;
}

/** The same, short, for menus: "6 days left", "expired", "no expiry". */
export function formatTimeLeftShort(expiresAt: string | null, now: number): string {
  if (expiresAt === null) return 'no expiry';
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return 'expiry unknown';
  const text = formatTimeLeft(at - now);
  return text === 'expired' ? text : `${text.replace('expires in ', '')} left`;
}
