const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Duration units offered wherever the user types a duration. */
export const durationUnits = [
  { id: 'minutes', label: 'minutes', ms: MINUTE },
  { id: 'hours', label: 'hours', ms: HOUR },
  { id: 'days', label: 'days', ms: DAY },
] as const;
export type DurationUnit = (typeof durationUnits)[number]['id'];

/** Milliseconds of one `unit`. */
export function unitMs(unit: DurationUnit): number {
  return durationUnits.find((u) => u.id === unit)?.ms ?? DAY;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A duration in its largest whole unit, e.g. "90 days", "12 hours", "1 minute". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY && abs % DAY === 0) return plural(abs / DAY, 'day');
  if (abs >= DAY) return plural(Math.round(abs / DAY), 'day');
  if (abs >= HOUR) return plural(Math.round(abs / HOUR), 'hour');
  if (abs >= MINUTE) return plural(Math.round(abs / MINUTE), 'minute');
  return plural(Math.max(0, Math.round(abs / 1000)), 'second');
}

/** A compact duration for table cells: "3d 4h", "5h 12m", "42m", "30s". */
export function formatShortDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) {
    const d = Math.floor(abs / DAY);
    const h = Math.floor((abs % DAY) / HOUR);
    return d >= 10 || h === 0 ? `${d}d` : `${d}d ${h}h`;
  }
  if (abs >= HOUR) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  if (abs >= MINUTE) return `${Math.floor(abs / MINUTE)}m`;
  return `${Math.max(0, Math.floor(abs / 1000))}s`;
}

/** Time left until `iso` as seen at `now`: "in 3d 4h", "expired 2h ago", "never". */
export function formatExpiry(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown';
  const left = at - now;
  return left > 0 ? `in ${formatShortDuration(left)}` : `expired ${formatShortDuration(left)} ago`;
}

/** How long ago `iso` was: "5m ago", "just now", "never". */
export function formatAgo(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown';
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  return `${formatShortDuration(ago)} ago`;
}

// One formatter each: building an Intl formatter per call (as toLocaleString does) costs more than
// rendering a table row.
let dateTimeFormat: Intl.DateTimeFormat | null = null;
let dateFormat: Intl.DateTimeFormat | null = null;

/** An absolute local date and time for tooltips and detail text. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return dateTimeFormat.format(at);
}

/** A short date for dense columns: "12 Mar 2026". */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  dateFormat ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return dateFormat.format(at);
}

/**
 * Loads the locale data the first screen needs ahead of the first rows: the first Intl formatter
 * of a page, and the first `localeCompare` (the label filter sorts its labels with it), each load
 * the locale's data (tens of ms for the formatters, ~2 ms for the collator, on a cold, loaded
 * machine). main.tsx calls this while it waits for main's start answer, when the page has nothing
 * else to do.
 */
export function warmLocaleData(): void {
  const epoch = new Date(0).toISOString();
  formatDateTime(epoch);
  formatDate(epoch);
  'a'.localeCompare('b');
}

export const time = { MINUTE, HOUR, DAY };
