import { z } from 'zod';

export const keychainStatusSchema = z.object({
  status: z.enum(['available', 'locked', 'unavailable']),
  /** What went wrong, in the user's terms; null when available. */
  reason: z.string().nullable(),
  /** What to do about it on this platform; null when available. */
  fix: z.string().nullable(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  keychain: keychainStatusSchema,
  /** Where the app writes its log file; null when it could not be opened (logs go to stderr). */
  logFile: z.string().max(4096).nullable(),
  /**
   * Whether the desktop shows tray icons (a StatusNotifier host on Linux). When false, closing the
   * window quits instead of hiding it to a tray nobody can see.
   */
  trayAvailable: z.boolean(),
  /**
   * Data files found damaged since start (absent when there were none): moved aside to `movedTo`,
   * or left in place and ignored (`movedTo` null) when they could not be moved.
   */
  dataProblems: z
    .array(z.object({ file: z.string(), movedTo: z.string().nullable(), reason: z.string() }))
    .optional(),
  /**
   * Why this instance changes nothing (absent when it may write): another Rancher Keys holds the
   * data folder's writer lock. Says which process and what to do.
   */
  dataFolderInUse: z.string().max(2000).optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Counts for the tray, the banner and the window title. */
export const expirySummarySchema = z.object({
  expiringCount: z.number().int().nonnegative(),
  expiredCount: z.number().int().nonnegative(),
  next: z
    .object({
      serverId: z.string(),
      serverName: z.string(),
      keyId: z.string(),
      description: z.string(),
      expiresAt: z.string(),
    })
    .nullable(),
  perServer: z.record(z.string(), z.number().int().nonnegative()),
});
export type ExpirySummary = z.infer<typeof expirySummarySchema>;

export const expiryWarningSchema = z.object({
  serverId: z.string(),
  serverName: z.string(),
  /** Null for the sign-in session's own expiry. */
  keyId: z.string().nullable(),
  description: z.string(),
  expiresAt: z.string(),
  /** The threshold crossed, in ms before expiry; 0 = the key has expired. */
  thresholdMs: z.number().int().nonnegative(),
  subject: z.enum(['key', 'session']),
});
export type ExpiryWarning = z.infer<typeof expiryWarningSchema>;
