import { z } from 'zod';
import { MAX_NAME_LENGTH, rancherNameSchema } from './names';

/**
 * zod schemas of the Rancher bodies the app reads (rancher-api.md). Unknown fields are tolerated,
 * since every release adds some; the fields the app relies on are checked for type, and the ones it
 * cannot work without are required.
 *
 * Tokens come by the hundred in a list, so their schemas are plain (stripping) objects naming only
 * the fields the app reads: a loose object copies every unknown field of every token (links,
 * actions, principals…), which made parsing a list of 200 ten times slower (bench/RESULTS.md, Core).
 */

/**
 * Sizes Rancher could really produce (item 8 of issue 9): every server string the app stores is
 * bounded. Identifiers and short fields beyond their bound fail the item (a real server never sends
 * them); free text typed by people (descriptions, display names) is cut with an ellipsis instead.
 */
export const LIMITS = {
  /** Versions (`v2.13.1`, `v2.14-head`, a 40-hex commit), timestamps, states, kinds. */
  short: 64,
  /** Descriptions, display names and cluster names. */
  text: 1024,
  /** A bearer `kubeconfig-<user>.<cluster>xxxxx:<secret>`. */
  bearer: 2 * MAX_NAME_LENGTH + 64,
} as const;

const text = z.string().max(LIMITS.short).nullish();
/** Free text, cut to `LIMITS.text` characters. */
const prose = z
  .string()
  .transform((s) => (s.length > LIMITS.text ? `${s.slice(0, LIMITS.text - 1)}…` : s))
  .nullish();
/** An object name or user/cluster id; empty is tolerated (read as "none"). */
const nameOrEmpty = z.union([z.literal(''), rancherNameSchema]).nullish();
/** The token labels the app reads (others are ignored, whatever their type). */
const tokenLabels = z
  .object({
    'authn.management.cattle.io/kind': text.optional(),
    'cattle.io/user-id': nameOrEmpty.optional(),
  })
  .nullish();

/** `/rancherversion` (§1.1). */
export const rancherVersionSchema = z.looseObject({
  Version: z.string().min(1).max(LIMITS.short),
});

/** A Norman setting, e.g. `auth-token-max-ttl-minutes` (§5.4). */
export const settingSchema = z.looseObject({ value: text, default: text });

/** An auth provider from `/v3-public/authProviders` or `/v1-public/authproviders` (§3.1). */
export const authProviderSchema = z.looseObject({
  id: z.string().min(1).max(LIMITS.short),
  type: text,
});
export const authProvidersSchema = z.looseObject({ data: z.array(authProviderSchema) });

/** A login answer: minimal on 2.13+, the full token resource on ≤2.12 (§3.2). */
export const loginResponseSchema = z.looseObject({
  id: text,
  name: text,
  token: z.string().min(3).max(LIMITS.bearer),
  expiresAt: text,
  ttl: z.number().nullish(),
  created: text,
});

/** `/v3/users?me=true` (§5.3); `me` marks the caller where the list holds more than one. */
export const userSchema = z.looseObject({
  id: rancherNameSchema,
  username: prose,
  name: prose,
  me: z.boolean().nullish(),
});
export const usersSchema = z.looseObject({ data: z.array(userSchema) });

/** `/v3/clusters` (§5.2). */
export const clusterSchema = z.looseObject({ id: rancherNameSchema, name: prose, state: text });
export const clustersSchema = z.looseObject({ data: z.array(clusterSchema) });

/** A v3 token resource (§4.1); `token` only in the create response. */
export const v3TokenSchema = z.object({
  name: rancherNameSchema,
  description: prose,
  userId: nameOrEmpty,
  clusterId: nameOrEmpty,
  created: text,
  lastUsedAt: text,
  expiresAt: text,
  ttl: z.number(),
  enabled: z.boolean().nullish(),
  expired: z.boolean().nullish(),
  isDerived: z.boolean().nullish(),
  labels: tokenLabels,
});
export type V3TokenBody = z.output<typeof v3TokenSchema>;
export const v3TokenCreatedSchema = v3TokenSchema.extend({
  token: z.string().min(3).max(LIMITS.bearer),
});
/** An ext token (`tokens.ext.cattle.io`, §6.2); `status.value`/`bearerToken` only on create. */
export const extTokenSchema = z.object({
  metadata: z.object({
    name: rancherNameSchema,
    creationTimestamp: text,
    labels: tokenLabels,
  }),
  spec: z.object({
    userID: nameOrEmpty,
    kind: text,
    description: prose,
    ttl: z.number(),
    enabled: z.boolean().nullish(),
    clusterName: nameOrEmpty,
  }),
  status: z
    .object({
      current: z.boolean().nullish(),
      expired: z.boolean().nullish(),
      expiresAt: text,
      lastUsedAt: text,
      value: z.string().max(LIMITS.bearer).nullish(),
      bearerToken: z.string().max(LIMITS.bearer).nullish(),
    })
    .nullish(),
});
export type ExtTokenBody = z.output<typeof extTokenSchema>;
