import { z } from 'zod';

/**
 * zod schemas of the Rancher bodies the app reads (rancher-api.md). Unknown fields are tolerated,
 * since every release adds some; the fields the app relies on are checked for type, and the ones it
 * cannot work without are required.
 *
 * Tokens come by the hundred in a list, so their schemas are plain (stripping) objects naming only
 * the fields the app reads: a loose object copies every unknown field of every token (links,
 * actions, principals…), which made parsing a list of 200 ten times slower (bench/RESULTS.md, Core).
 */

const text = z.string().nullish();
/** The token labels the app reads (others are ignored, whatever their type). */
const tokenLabels = z
  .object({
    'authn.management.cattle.io/kind': z.string().optional(),
    'cattle.io/user-id': z.string().optional(),
  })
  .nullish();

/** `/rancherversion` (§1.1). */
export const rancherVersionSchema = z.looseObject({ Version: z.string().min(1) });

/** A Norman setting, e.g. `auth-token-max-ttl-minutes` (§5.4). */
export const settingSchema = z.looseObject({ value: text, default: text });

/** An auth provider from `/v3-public/authProviders` or `/v1-public/authproviders` (§3.1). */
export const authProviderSchema = z.looseObject({ id: z.string().min(1), type: text });
export const authProvidersSchema = z.looseObject({ data: z.array(authProviderSchema) });

/** A login answer: minimal on 2.13+, the full token resource on ≤2.12 (§3.2). */
export const loginResponseSchema = z.looseObject({
  id: text,
  name: text,
  token: z.string().min(3),
  expiresAt: text,
  ttl: z.number().nullish(),
  created: text,
});

/** `/v3/users?me=true` (§5.3). */
export const userSchema = z.looseObject({ id: z.string().min(1), username: text, name: text });
export const usersSchema = z.looseObject({ data: z.array(userSchema) });

/** `/v3/clusters` (§5.2). */
export const clusterSchema = z.looseObject({ id: z.string().min(1), name: text, state: text });
export const clustersSchema = z.looseObject({ data: z.array(clusterSchema) });

/** A v3 token resource (§4.1); `token` only in the create response. */
export const v3TokenSchema = z.object({
  name: z.string().min(1),
  id: text,
  description: text,
  userId: text,
  clusterId: text,
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
export const v3TokenCreatedSchema = v3TokenSchema.extend({ token: z.string().min(3) });
export const v3TokenListSchema = z.looseObject({ data: z.array(v3TokenSchema) });

/** An ext token (`tokens.ext.cattle.io`, §6.2); `status.value`/`bearerToken` only on create. */
export const extTokenSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    creationTimestamp: text,
    labels: tokenLabels,
  }),
  spec: z.object({
    userID: text,
    kind: text,
    description: text,
    ttl: z.number(),
    enabled: z.boolean().nullish(),
    clusterName: text,
  }),
  status: z
    .object({
      current: z.boolean().nullish(),
      expired: z.boolean().nullish(),
      expiresAt: text,
      lastUsedAt: text,
      value: text,
      bearerToken: text,
    })
    .nullish(),
});
export type ExtTokenBody = z.output<typeof extTokenSchema>;
export const extTokenListSchema = z.looseObject({ items: z.array(extTokenSchema).nullish() });
