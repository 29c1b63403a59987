import { z } from 'zod';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/**
 * The global quick copy shortcuts one can choose (Electron accelerators), `off` by default: a
 * fixed list, so a settings file cannot make main register an arbitrary key.
 */
export const quickCopyShortcutSchema = z.enum([
  'off',
  'CommandOrControl+Shift+K',
  'CommandOrControl+Alt+K',
  'CommandOrControl+Shift+Space',
]);
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
    .default([7 * DAY, DAY]),
  warnAtExpiry: z.boolean().default(true),
  clipboardClearMs: z
    .number()
    .int()
    .min(0)
    .max(10 * 60_000)
    .default(30_000),
  notifications: z.boolean().default(true),
  showSystemTokens: z.boolean().default(false),
  theme: themeSchema.default('system'),
  startAtLogin: z.boolean().default(false),
  closeToTray: z.boolean().default(true),
  /** Opens the quick copy palette from any app (a global shortcut); `off` registers none. */
  quickCopyShortcut: quickCopyShortcutSchema.default('off'),
  /** The clean-up view's "not used for N days" group. */
  hygieneUnusedDays: z.number().int().min(1).max(3650).default(90),
  /** Activity log retention: the file is trimmed (oldest first) past this size… */
  activityMaxMb: z.number().int().min(1).max(500).default(10),
  /** …and entries older than this are dropped. */
  activityMaxAgeDays: z.number().int().min(1).max(3650).default(365),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

type SettingsShape = typeof settingsSchema.shape;

/**
 * A partial update: exactly the fields it names, each validated as in {@link settingsSchema} but
 * without its default (zod 4 applies defaults inside `partial()`, which turned every patch into a
 * reset of every other setting). Unknown keys are rejected so a typo does not silently do nothing.
 */
export const settingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> },
  )
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
