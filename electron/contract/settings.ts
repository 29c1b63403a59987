import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use';
import { quickCopyShortcuts, settingsDefaults, themes } from './constants';

const DAY = 24 * 3_600_000;
const d = settingsDefaults;

export const themeSchema = z.enum(themes);
export type Theme = z.infer<typeof themeSchema>;

/** The global quick copy shortcuts one can choose (see {@link quickCopyShortcuts}). */
export const quickCopyShortcutSchema = z.enum(quickCopyShortcuts);
export type QuickCopyShortcut = z.infer<typeof quickCopyShortcutSchema>;

/** User settings, persisted by main; every field has a default so an old file still parses. */
export const settingsSchema = z.object({
  /** Warn this long before a key expires; "at expiry" is governed by `warnAtExpiry`. */
  warningThresholdsMs: z
    .array(
      z
        .number()
        .int()
        .positive()
        .max(366 * DAY),
    )
    .max(5)
    .default(d.warningThresholdsMs),
  warnAtExpiry: z.boolean().default(d.warnAtExpiry),
  clipboardClearMs: z
    .number()
    .int()
    .min(0)
    .max(10 * 60_000)
    .default(d.clipboardClearMs),
  notifications: z.boolean().default(d.notifications),
  showSystemTokens: z.boolean().default(d.showSystemTokens),
  theme: themeSchema.default(d.theme),
  startAtLogin: z.boolean().default(d.startAtLogin),
  closeToTray: z.boolean().default(d.closeToTray),
  /** Opens the quick copy palette from any app (a global shortcut); `off` registers none. */
  quickCopyShortcut: quickCopyShortcutSchema.default(d.quickCopyShortcut),
  /** The clean-up view's "not used for N days" group. */
  hygieneUnusedDays: z.number().int().min(1).max(3650).default(d.hygieneUnusedDays),
  /** Activity log retention: the file is trimmed (oldest first) past this size… */
  activityMaxMb: z.number().int().min(1).max(500).default(d.activityMaxMb),
  /** …and entries older than this are dropped. */
  activityMaxAgeDays: z.number().int().min(1).max(3650).default(d.activityMaxAgeDays),
  /** The first run's offer of the Plaintext check was answered (run or dismissed): not offered again. */
  plaintextCheckOffered: z.boolean().default(d.plaintextCheckOffered),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The same values as {@link settingsDefaults}, as a parsed `Settings`. */
export const defaultSettings: Settings = settingsSchema.parse({}, { jitless: true });

type SettingsShape = typeof settingsSchema.shape;

/**
 * A partial update: exactly the fields it names, each validated as in {@link settingsSchema} but
 * without its default (zod 4 applies defaults inside `partial()`, which turned every patch into a
 * reset of every other setting). Unknown keys are rejected so a typo does not silently do nothing.
 */
export const settingsPatchSchema = builtOnFirstUse(() =>
  z
    .object(
      Object.fromEntries(
        Object.entries(settingsSchema.shape).map(([key, field]) => [
          key,
          field.unwrap().optional(),
        ]),
      ) as { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> },
    )
    .strict(),
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
