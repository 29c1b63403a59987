/**
 * The contract's plain values: the option lists and defaults the renderer shows. Zod-free on
 * purpose, so the renderer can import them without bundling the validators (main parses every IPC
 * input with the schemas built from these lists; the renderer only needs the values and the types).
 * The lint rule for the renderer allows value imports from this module only (eslint.config.js).
 */

const HOUR = 3_600_000;

/**
 * Rows of the active server's list sent with the window's first screen (`app:start`, and the first
 * `keys:list` of a list shown afresh): a screen's worth and a scroll more, so the table appears at
 * once while the rest of a long list follows.
 */
export const FIRST_KEYS_WINDOW = 200;
const DAY = 24 * HOUR;

/**
 * The state chip of a key. `revoked`: gone from the server while we still hold it;
 * `pending_revocation`: the user deleted it but the server could not be reached yet.
 */
export const keyStates = [
  'active',
  'expiring',
  'expired',
  'disabled',
  'revoked',
  'pending_revocation',
] as const;

/** The ways a key can be copied (`keys:copy`). */
export const copyFormats = [
  'bearer',
  'access_key',
  'secret_key',
  'endpoint',
  'header',
  'env_token',
  'env_keys',
  'rancher_login',
] as const;

/** What was done (issue 16): key operations, sign-ins, servers and certificate trust. */
export const activityActions = [
  'create',
  'import',
  'copy',
  'renew',
  'revoke',
  'update',
  'set_labels',
  'rename_label',
  'sign_in',
  'sign_out',
  'add_server',
  'remove_server',
  'trust_certificate',
  'change_certificate',
  'rewrite_file',
  'undo_rewrite',
] as const;

export const themes = ['system', 'light', 'dark'] as const;

/**
 * The global quick copy shortcuts one can choose (Electron accelerators), `off` by default: a
 * fixed list, so a settings file cannot make main register an arbitrary key.
 */
export const quickCopyShortcuts = [
  'off',
  'CommandOrControl+Shift+K',
  'CommandOrControl+Alt+K',
  'CommandOrControl+Shift+Space',
] as const;
export type QuickCopyShortcut = (typeof quickCopyShortcuts)[number];

/** Narrows a string (a `<select>`'s value) to one of the shortcuts; main validates it again. */
export function isQuickCopyShortcut(value: string): value is QuickCopyShortcut {
  return (quickCopyShortcuts as readonly string[]).includes(value);
}

/**
 * Every setting's default: what `settingsSchema` fills in for a missing field (so an old file
 * still parses) and what the renderer shows before main answers.
 */
export const settingsDefaults = {
  warningThresholdsMs: [7 * DAY, DAY],
  warnAtExpiry: true,
  clipboardClearMs: 30_000,
  notifications: true,
  showSystemTokens: false,
  theme: 'system' as (typeof themes)[number],
  startAtLogin: false,
  closeToTray: true,
  quickCopyShortcut: 'off' as QuickCopyShortcut,
  hygieneUnusedDays: 90,
  activityMaxMb: 10,
  activityMaxAgeDays: 365,
  plaintextCheckOffered: false,
};
