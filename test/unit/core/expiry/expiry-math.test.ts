import { describe, expect, it } from 'vitest';
import {
  crossedThreshold,
  dueWarning,
  expiringWindowFor,
  lifetimeOf,
  nextDeadline,
  thresholdsOf,
  thresholdsWithin,
} from '../../../../electron/core/expiry/expiry-math';

const DAY = 86_400_000;
const T = thresholdsOf({ warningThresholdsMs: [DAY, 7 * DAY], warnAtExpiry: true });
const E = 100 * DAY;
const item = (over: Partial<{ createdAt: number | null; snoozedUntil: number | null }> = {}) => ({
  expiresAt: E,
  createdAt: 0,
  snoozedUntil: null,
  ...over,
});

describe('thresholdsOf', () => {
  it('orders thresholds most distant first and adds 0 when warning at expiry', () => {
    expect(T).toEqual([7 * DAY, DAY, 0]);
    expect(thresholdsOf({ warningThresholdsMs: [DAY, DAY], warnAtExpiry: false })).toEqual([DAY]);
  });
});

describe('crossedThreshold', () => {
  it.each([
    [E - 8 * DAY, null],
    [E - 7 * DAY, 7 * DAY],
    [E - 2 * DAY, 7 * DAY],
    [E - DAY, DAY],
    [E - 1, DAY],
    [E, 0],
    [E + 30 * DAY, 0],
  ])('at %d gives the most severe threshold crossed (%s)', (now, expected) => {
    expect(crossedThreshold(item(), T, now)).toBe(expected);
  });

  it('ignores a threshold already behind the key when it was created', () => {
    const young = item({ createdAt: E - 3 * DAY });
    expect(crossedThreshold(young, T, E - 2 * DAY)).toBeNull();
    expect(crossedThreshold(young, T, E - DAY)).toBe(DAY);
  });
});

describe('dueWarning', () => {
  it('fires once per crossing and only the most severe after several were missed', () => {
    expect(dueWarning(item(), T, undefined, E - 6 * DAY)).toBe(7 * DAY);
    expect(dueWarning(item(), T, 7 * DAY, E - 6 * DAY)).toBeNull();
    expect(dueWarning(item(), T, undefined, E + DAY)).toBe(0);
    expect(dueWarning(item(), T, 7 * DAY, E - 12 * 3_600_000)).toBe(DAY);
  });

  it('holds a warning back while snoozed', () => {
    const snoozed = item({ snoozedUntil: E - DAY / 2 });
    expect(dueWarning(snoozed, T, undefined, E - DAY)).toBeNull();
    expect(dueWarning(snoozed, T, undefined, E - DAY / 2)).toBe(DAY);
  });
});

describe('nextDeadline', () => {
  it('is the next threshold crossing when none is due', () => {
    expect(nextDeadline(item(), T, undefined, 0)).toBe(E - 7 * DAY);
    expect(nextDeadline(item(), T, 7 * DAY, E - 5 * DAY)).toBe(E - DAY);
    expect(nextDeadline(item(), T, DAY, E - DAY / 2)).toBe(E);
    expect(nextDeadline(item(), T, 0, E + 1)).toBeNull();
  });

  it('is the end of the snooze when a crossing is held back by it', () => {
    const snoozed = item({ snoozedUntil: E - DAY / 2 });
    expect(nextDeadline(snoozed, T, 7 * DAY, E - DAY)).toBe(E - DAY / 2);
    expect(nextDeadline(snoozed, T, 7 * DAY, E - 3 * DAY)).toBe(E - DAY / 2);
  });
});

describe("a key's own expiring window", () => {
  const HOUR = 3_600_000;
  it('is the lifetime from the ttl, else from creation to expiry, else unknown', () => {
    expect(lifetimeOf(2 * HOUR, 0, 5 * HOUR)).toBe(2 * HOUR);
    expect(lifetimeOf(null, HOUR, 5 * HOUR)).toBe(4 * HOUR);
    expect(lifetimeOf(0, HOUR, 5 * HOUR)).toBe(4 * HOUR);
    expect(lifetimeOf(null, null, 5 * HOUR)).toBeNull();
    expect(lifetimeOf(null, 5 * HOUR, HOUR)).toBeNull();
  });

  it('is the warning window capped at the last quarter of the lifetime', () => {
    expect(expiringWindowFor(7 * DAY, DAY)).toBe(6 * HOUR);
    expect(expiringWindowFor(7 * DAY, 2 * HOUR)).toBe(30 * 60_000);
    expect(expiringWindowFor(7 * DAY, 90 * DAY)).toBe(7 * DAY);
    expect(expiringWindowFor(7 * DAY, null)).toBe(7 * DAY);
  });

  it("caps each threshold at the key's window, keeping them distinct and most distant first", () => {
    expect(thresholdsWithin(T, 6 * HOUR)).toEqual([6 * HOUR, 0]);
    expect(thresholdsWithin(T, 3 * DAY)).toEqual([3 * DAY, DAY, 0]);
    expect(thresholdsWithin(T, 7 * DAY)).toEqual(T);
  });
});
