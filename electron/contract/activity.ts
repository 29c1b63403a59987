import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use';
import { activityActions } from './constants';
import { errorCodeSchema } from './errors';

export { activityActions };

export const activityActionSchema = z.enum(activityActions);
export type ActivityAction = z.infer<typeof activityActionSchema>;

/** `pending`: accepted but not done yet (a revocation waiting for an unreachable server). */
export const activityOutcomeSchema = z.enum(['ok', 'failed', 'pending']);
export type ActivityOutcome = z.infer<typeof activityOutcomeSchema>;

/**
 * One line of the activity log. Secret-free by construction: every field is an id, an enum, a
 * time or a detail the app writes itself (a copy format, a count), never text a secret could be in.
 */
export const activityEntrySchema = z.object({
  /** Increasing within the file; ties entries written in the same millisecond. */
  seq: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  serverId: z.string().max(300).nullable(),
  serverName: z.string().max(200).nullable(),
  /** The access key (`token-abc12`, `ext/token-abc12`). */
  keyId: z.string().max(300).nullable(),
  action: activityActionSchema,
  outcome: activityOutcomeSchema,
  errorCode: errorCodeSchema.nullable(),
  detail: z.string().max(200).nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

// The activity view's channels are a lazily loaded group (ipc.ts), but this module is loaded at
// start for the log's entries: their inputs and outputs are built on first use
// (built-on-first-use.ts).

/** Filters shared by the view and the export. */
const activityFilter = () =>
  z.object({
    serverId: z.string().min(1).max(300).optional(),
    keyId: z.string().min(1).max(300).optional(),
    action: activityActionSchema.optional(),
    /** Inclusive bounds, ISO instants. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  });
export type ActivityFilter = z.infer<ReturnType<typeof activityFilter>>;

export const activityListInputSchema = builtOnFirstUse(() =>
  activityFilter().extend({
    /** Newest first; at most this many. */
    limit: z.number().int().min(1).max(100_000).default(1_000),
  }),
);
export const activityListOutputSchema = builtOnFirstUse(() =>
  z.object({
    entries: z.array(activityEntrySchema),
    /** How many entries match the filters (the list may hold fewer). */
    total: z.number().int().nonnegative(),
  }),
);

export const activityExportInputSchema = builtOnFirstUse(() =>
  activityFilter().extend({
    format: z.enum(['csv', 'json']),
  }),
);
export const activityExportOutputSchema = builtOnFirstUse(() =>
  z.object({
    fileName: z.string(),
    mimeType: z.string(),
    content: z.string(),
    count: z.number().int().nonnegative(),
  }),
);
