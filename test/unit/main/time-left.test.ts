import { describe, expect, it } from 'vitest';
import {
  formatTimeLeft,
  formatTimeLeftShort,
} from '../../../electron/main/notifications/time-left';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatTimeLeft', () => {
  it('says days when a day or more is left', () => {
    expect(formatTimeLeft(6 * DAY)).toBe('expires in 6 days');
    expect(formatTimeLeft(7 * DAY - 5)).toBe('expires in 7 days');
    expect(formatTimeLeft(DAY - 3)).toBe('expires in 1 day');
  });

  it('says hours, then minutes, as expiry nears', () => {
    expect(formatTimeLeft(3 * HOUR)).toBe('expires in 3 hours');
    expect(formatTimeLeft(HOUR)).toBe('expires in 1 hour');
    expect(formatTimeLeft(5 * MIN)).toBe('expires in 5 minutes');
    expect(formatTimeLeft(1_000)).toBe('expires in 1 minute');
  });

  it('says expired at and after the instant', () => {
    expect(formatTimeLeft(0)).toBe('expired');
    expect(formatTimeLeft(-DAY)).toBe('expired');
  });
});

describe('formatTimeLeftShort', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('gives the time left for menus', () => {
    expect(formatTimeLeftShort('2026-01-03T00:00:00Z', now)).toBe('2 days left');
    expect(formatTimeLeftShort('2025-12-31T00:00:00Z', now)).toBe('expired');
  });

  it('handles keys without or with an unreadable expiry', () => {
    expect(formatTimeLeftShort(null, now)).toBe('no expiry');
    expect(formatTimeLeftShort('soon', now)).toBe('expiry unknown');
  });
});
