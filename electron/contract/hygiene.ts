import { z } from 'zod';
import { errorCodeSchema } from './errors';
import { deleteOutcomeSchema, keyKindSchema, tokenFamilySchema } from './keys';

/**
 * The "Clean up" groups of a user's tokens (issue 16). A token can be in several groups; the
 * credential the app signs in with is never in any.
 */
export const hygieneGroupIds = [
  'expired',
  'never_used',
  'unused',
  'never_expires',
  'kubeconfig',
  'orphaned',
  'disabled',
  'held',
  'elsewhere',
] as const;
export const hygieneGroupIdSchema = z.enum(hygieneGroupIds);
export type HygieneGroupId = z.infer<typeof hygieneGroupIdSchema>;

/** A token as the clean-up view lists it (never the secret). */
export const hygieneMemberSchema = z.object({
  serverId: z.string(),
  serverName: z.string(),
  keyId: z.string(),
  family: tokenFamilySchema,
  kind: keyKindSchema,
  description: z.string(),
  clusterId: z.string().nullable(),
  /** The cluster's name when the server still has it. */
  clusterName: z.string().nullable(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  enabled: z.boolean(),
  /** The app holds the secret (it was created or imported here). */
  hasSecret: z.boolean(),
});
export type HygieneMember = z.infer<typeof hygieneMemberSchema>;

/** Kubeconfig tokens of one cluster (null: not scoped to a cluster). */
export const clusterCountSchema = z.object({
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  count: z.number().int().nonnegative(),
});

export const hygieneGroupSchema = z.object({
  id: hygieneGroupIdSchema,
  count: z.number().int().nonnegative(),
  /** For `kubeconfig`: the count per cluster, largest first. */
  clusters: z.array(clusterCountSchema),
});
export type HygieneGroup = z.infer<typeof hygieneGroupSchema>;

/** How fresh the data behind one server's groups is. */
export const hygieneServerSchema = z.object({
  serverId: z.string(),
  serverName: z.string(),
  signedIn: z.boolean(),
  tokenCount: z.number().int().nonnegative(),
  refreshedAt: z.string().nullable(),
  /** The cluster list could not be read, so `orphaned` is unknown for this server. */
  clustersUnknown: z.boolean(),
  /** The server reports no last use for any token (Rancher ≤2.9): `never_used`/`unused` unknown. */
  usageUnknown: z.boolean(),
});

const scope = {
  /** One server, or every server when absent. */
  serverId: z.string().min(1).optional(),
};

export const hygieneScanInputSchema = z.object(scope);
export const hygieneScanOutputSchema = z.object({
  servers: z.array(hygieneServerSchema),
  groups: z.array(hygieneGroupSchema),
  /** The `unused` group's threshold (setting `hygieneUnusedDays`). */
  unusedDays: z.number().int().positive(),
});

export const hygieneMembersInputSchema = z.object({ ...scope, group: hygieneGroupIdSchema });
export const hygieneMembersOutputSchema = z.object({ members: z.array(hygieneMemberSchema) });

/** Tokens of one server, by access key. */
export const hygieneTargetSchema = z.object({
  serverId: z.string().min(1),
  keyIds: z.array(z.string().min(1).max(300)).max(200_000),
});
export type HygieneTarget = z.infer<typeof hygieneTargetSchema>;

/** A dry run: exactly what a revocation of these groups (or these tokens) would revoke, where. */
export const hygienePreviewInputSchema = z.object({
  ...scope,
  groups: z.array(hygieneGroupIdSchema).max(hygieneGroupIds.length).default([]),
  /** Explicit tokens (e.g. a hand-picked subset of a group); added to the groups' members. */
  targets: z.array(hygieneTargetSchema).max(100).default([]),
});
export const hygienePreviewOutputSchema = z.object({
  servers: z.array(
    z.object({
      serverId: z.string(),
      serverName: z.string(),
      members: z.array(hygieneMemberSchema),
    }),
  ),
  total: z.number().int().nonnegative(),
  /** Tokens asked for that will not be revoked (the sign-in credential, unknown ids). */
  skipped: z.array(z.object({ serverId: z.string(), keyId: z.string(), reason: z.string() })),
});

export const hygieneRevokeInputSchema = z.object({
  /** Chosen by the caller so it can follow `hygiene:progress` and cancel. */
  jobId: z.string().min(8).max(64),
  targets: z.array(hygieneTargetSchema).min(1).max(100),
});
/** `cancelled`: not attempted because the user cancelled. */
export const hygieneOutcomeSchema = z.union([deleteOutcomeSchema, z.literal('cancelled')]);
export type HygieneOutcome = z.infer<typeof hygieneOutcomeSchema>;
export const hygieneResultSchema = z.object({
  serverId: z.string(),
  keyId: z.string(),
  outcome: hygieneOutcomeSchema,
  message: z.string().nullable(),
  /** Why a token was not revoked (failed) or not yet (pending); null otherwise. */
  code: errorCodeSchema.nullable(),
});
export type HygieneResult = z.infer<typeof hygieneResultSchema>;
export const hygieneRevokeOutputSchema = z.object({
  cancelled: z.boolean(),
  results: z.array(hygieneResultSchema),
});

export const hygieneCancelInputSchema = z.object({ jobId: z.string().min(8).max(64) });

/** Progress of a bulk revocation (main → renderer). */
export const hygieneProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
