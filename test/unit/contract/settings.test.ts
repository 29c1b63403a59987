import { describe, expect, it } from 'vitest';
import { settingsDefaults } from '../../../electron/contract/constants';
import {
  defaultSettings,
  settingsPatchSchema,
  settingsSchema,
} from '../../../electron/contract/settings';

describe('settingsPatchSchema', () => {
  it('keeps only the fields a patch names (no defaults filled in)', () => {
    expect(settingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(settingsPatchSchema.parse({})).toEqual({});
  });

  it('validates each named field as the settings schema does', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'purple' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ clipboardClearMs: -1 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ warningThresholdsMs: [1, 2, 3, 4, 5, 6] }).success).toBe(
      false,
    );
  });

  it('rejects a field the settings do not have when a typo is sent', () => {
    expect(settingsPatchSchema.safeParse({ themes: 'dark' }).success).toBe(false);
  });

  it('covers every settings field when the settings grow', () => {
    expect(Object.keys(settingsPatchSchema.unwrap().shape).sort()).toEqual(
      Object.keys(settingsSchema.shape).sort(),
    );
  });
});

describe("settingsDefaults (the renderer's zod-free copy)", () => {
  it('are valid settings, and exactly what the schema fills in for an empty file', () => {
    expect(settingsSchema.parse(settingsDefaults)).toEqual(settingsDefaults);
    expect(defaultSettings).toEqual(settingsDefaults);
  });
});
