import type { KeyView } from '../../../electron/contract/keys';

const DAY = 86_400_000;

/** One "Snooze warnings" choice of the row menu: its words and the instant the snooze ends. */
export interface SnoozeChoice {
  label: string;
  until: string;
}

/**
 * The snooze choices for `key` at `now`: 1 day, 7 days, and until the key expires (only while it
 * has not). A key that never expires gets no warnings, so nothing to snooze.
 */
export function snoozeChoices(key: Pick<KeyView, 'expiresAt'>, now: number): SnoozeChoice[] {
  if (key.expiresAt === null) return [];
  const choices: SnoozeChoice[] = [
    { label: 'For 1 day', until: new Date(now + DAY).toISOString() },
    { label: 'For 7 days', until: new Date(now + 7 * DAY).toISOString() },
  ];
  const expiresAt = Date.parse(key.expiresAt);
  if (!Number.isNaN(expiresAt) && expiresAt > now) {
    choices.push({ label: 'Until it expires', until: new Date(expiresAt).toISOString() });
  }
  return choices;
}
