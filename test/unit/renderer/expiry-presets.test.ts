import { describe, expect, it } from 'vitest';
import {
  customExpiry,
  defaultPresetId,
  expiryPresets,
} from '../../../renderer/src/keys/expiry-presets';

const DAY = 86_400_000;

describe('expiryPresets', () => {
  it('offers presets below the maximum and "Maximum allowed" but never "Never" when a maximum is set', () => {
    const presets = expiryPresets(90 * DAY);
    expect(presets.map((p) => p.label)).toEqual([
      '1 day',
      '7 days',
      '30 days',
      'Maximum allowed: 90 days',
    ]);
    expect(presets.some((p) => p.choice.kind === 'never')).toBe(false);
    expect(presets.at(-1)?.choice).toEqual({ kind: 'max' });
  });

  it('offers "Never expires" only when the server sets no maximum (null or 0)', () => {
    expect(expiryPresets(null).at(-1)?.choice).toEqual({ kind: 'never' });
    expect(expiryPresets(0).at(-1)?.choice).toEqual({ kind: 'never' });
    expect(expiryPresets(null).map((p) => p.id)).toContain('1y');
  });

  it('defaults to 30 days where allowed and to the maximum below that', () => {
    expect(defaultPresetId(90 * DAY)).toBe('30d');
    expect(defaultPresetId(10 * DAY)).toBe('max');
  });
});

describe('customExpiry', () => {
  it('accepts a value within the maximum as a duration', () => {
    expect(customExpiry('12', 'hours', DAY)).toEqual({
      choice: { kind: 'duration', ms: 12 * 3_600_000 },
    });
  });

  it('refuses more than the maximum, naming it', () => {
    expect(customExpiry('91', 'days', 90 * DAY)).toEqual({
      error: 'This server allows at most 90 days.',
    });
  });

  it('refuses less than a minute and non-numbers', () => {
    expect(customExpiry('0.5', 'minutes', null)).toEqual({
      error: 'The shortest expiry is one minute.',
    });
    expect(customExpiry('abc', 'days', null)).toEqual({ error: 'Enter a positive number.' });
    expect(customExpiry('', 'days', null)).toEqual({ error: 'Enter a positive number.' });
  });
});
