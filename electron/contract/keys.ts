import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use';
import { copyFormats, keyStates } from './constants';
import { errorCodeSchema } from './errors';

export { copyFormats, keyStates };

export const tokenFamilySchema = z.enum(['v3', 'ext']);
export type TokenFamily = z.infer<typeof tokenFamilySchema>;

/** What a token is for; only API keys are shown by default. */
export const keyKindSchema = z.enum(['api_key', 'session', 'kubeconfig', 'system']);
export type KeyKind = z.infer<typeof keyKindSchema>;

/** The state chip of a key (see {@link keyStates}). */
export const keyStateSchema = z.enum(keyStates);
export type KeyState = z.infer<typeof keyStateSchema>;

const label = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^,\n\r\t]+$/, 'Labels cannot contain commas, tabs or line breaks');
export const labelsSchema = z.array(label).max(32);

/** A key as the renderer sees it: server truth merged with local metadata, never the secret. */
export const keyViewSchema = z.object({
  /** The access key: `token-abc12` for v3, `ext/token-abc12` for ext tokens. Unique per server. */
  id: z.string(),
  /** The server-side object name, e.g. `token-abc12`. */
  name: z.string(),
  family: tokenFamilySchema,
  kind: keyKindSchema,
  description: z.string(),
  labels: z.array(z.string()),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Null when the key never expires. */
  expiresAt: z.string().nullable(),
  ttlMs: z.number().nullable(),
  enabled: z.boolean(),
  state: keyStateSchema,
  /** The app holds this key's secret in the OS keychain (it can be copied). */
  hasSecret: z.boolean(),
  /** This is the credential the app itself signs in with on this server. */
  isSignInCredential: z.boolean(),
  /** Masked bearer, e.g. `token-abc12:h6dp…gj4`; null when no secret is held. */
  preview: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  /** For pending revocations and renewals with a grace period: when the old key goes. */
  revokeAt: z.string().nullable(),
  /**
   * The name command-line tools use for this key: its access key, or after a Renew the name of the
   * key it replaced (so kubeconfigs written for that key keep working).
   */
  handle: z.string(),
  /** The server's default key for tools (`rancher-keys token` without a key name). */
  isDefault: z.boolean(),
});
export type KeyView = z.infer<typeof keyViewSchema>;

export const copyFormatSchema = z.enum(copyFormats);
export type CopyFormat = z.infer<typeof copyFormatSchema>;

/** Expiry choice when creating a key. `max` = the server's maximum; `never` only where none is set. */
const expiryChoice = () =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('never') }),
    z.object({ kind: z.literal('max') }),
    z.object({
      kind: z.literal('duration'),
      ms: z
        .number()
        .int()
        .min(60_000, 'The shortest expiry is one minute')
        .max(100 * 365 * 24 * 3_600_000),
    }),
  ]);
export type ExpiryChoice = z.infer<ReturnType<typeof expiryChoice>>;

// Fresh for each schema that spreads them: those are built on first use (see keysCreateInputSchema).
const serverRef = () => ({ serverId: z.string().min(1) });
const keyRef = () => ({ ...serverRef(), keyId: z.string().min(1).max(300) });

/** The most rows `keys:list` can be asked for at once (more than any real list holds). */
export const KEYS_LIST_MAX_ROWS = 1_000_000;

/**
 * A server's key list, in list order (soonest expiry first), whole or one window of it: a window
 * that starts at `offset` and holds at most `limit` rows (every row from `offset` on without a
 * limit). The window lets the window show the first screen of a long list at once and fetch the
 * rest after it.
 */
export const keysListInputSchema = z.object({
  serverId: z.string().min(1).optional(),
  includeSystem: z.boolean().optional(),
  offset: z.number().int().min(0).max(KEYS_LIST_MAX_ROWS).optional(),
  limit: z.number().int().min(1).max(KEYS_LIST_MAX_ROWS).optional(),
});
export const keysListOutputSchema = z.object({
  serverId: z.string().nullable(),
  /** The rows of the window asked for. */
  keys: z.array(keyViewSchema),
  /** Rows in the whole list. */
  total: z.number().int().nonnegative(),
  /**
   * Names this state of the list: windows with the same revision fit together; another one
   * means the list changed in between (a refresh, an action, a key crossing into `expiring`).
   */
  revision: z.number().int().nonnegative(),
  /** When the server list was last fetched successfully; null if never. */
  refreshedAt: z.string().nullable(),
  /** The list comes from the cache (the server is unreachable or a refresh is under way). */
  stale: z.boolean(),
});

export const keysCreateInputSchema = builtOnFirstUse(() =>
  z.object({
    ...serverRef(),
    description: z.string().trim().max(512),
    labels: labelsSchema.default([]),
    expiry: expiryChoice(),
    clusterId: z.string().min(1).max(128).nullable().default(null),
    /** Defaults to v3, which every Rancher release supports. */
    family: tokenFamilySchema.default('v3'),
  }),
);
export const keysCreateOutputSchema = builtOnFirstUse(() =>
  z.object({
    key: keyViewSchema,
    /** The API endpoint Rancher shows beside a new key: `<server>/v3`. */
    endpoint: z.string(),
    requestedTtlMs: z.number().nullable(),
    grantedTtlMs: z.number().nullable(),
    /** The server silently shortened the lifetime (`auth-token-max-ttl-minutes`). */
    clamped: z.boolean(),
  }),
);

export const keysImportInputSchema = builtOnFirstUse(() =>
  z.object({
    ...serverRef(),
    /** `token-xxxxx:secret` or `ext/token-xxxxx:secret`. Write-only. */
    bearer: z.string().trim().min(1).max(512),
    labels: labelsSchema.default([]),
  }),
);

export const keysSetLabelsInputSchema = builtOnFirstUse(() =>
  z.object({ ...keyRef(), labels: labelsSchema }),
);
export const labelsRenameInputSchema = builtOnFirstUse(() =>
  z.object({
    serverId: z.string().min(1).optional(),
    from: label,
    to: label,
  }),
);

export const keysRenewInputSchema = builtOnFirstUse(() =>
  z.object({
    ...keyRef(),
    /** Revoke the old key now (0) or after this grace period. */
    revokeOldAfterMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3_600_000)
      .default(0),
  }),
);
export const keysRenewOutputSchema = builtOnFirstUse(() =>
  z.object({
    key: keyViewSchema,
    oldKeyId: z.string(),
    oldRevokeAt: z.string().nullable(),
    clamped: z.boolean(),
  }),
);

export const keysDeleteInputSchema = builtOnFirstUse(() =>
  z.object({
    ...serverRef(),
    keyIds: z.array(z.string().min(1).max(300)).min(1).max(10_000),
  }),
);
export const deleteOutcomeSchema = z.enum([
  'revoked',
  'already_gone',
  'pending_revocation',
  'failed',
]);
export const keysDeleteOutputSchema = builtOnFirstUse(() =>
  z.object({
    results: z.array(
      z.object({
        keyId: z.string(),
        outcome: deleteOutcomeSchema,
        message: z.string().nullable(),
        /** Why a key was not revoked (failed) or not yet (pending); null when it was. */
        code: errorCodeSchema.nullable(),
      }),
    ),
  }),
);

/** ext tokens only: Rancher allows changing description, enabled and (shortening) ttl. */
export const keysUpdateInputSchema = builtOnFirstUse(() =>
  z.object({
    ...keyRef(),
    enabled: z.boolean().optional(),
    /** New expiry instant; must be earlier than the current one. */
    expiresAt: z.iso.datetime().optional(),
    description: z.string().trim().max(512).optional(),
  }),
);

export const keysCopyInputSchema = builtOnFirstUse(() =>
  z.object({ ...keyRef(), format: copyFormatSchema }),
);
export const keysCopyOutputSchema = builtOnFirstUse(() =>
  z.object({
    format: copyFormatSchema,
    /** 0 when the clipboard is not cleared automatically. */
    clearsInMs: z.number().int().nonnegative(),
  }),
);

/** Marks a key as the server's default for tools (or clears the mark). */
export const keysSetDefaultInputSchema = builtOnFirstUse(() =>
  z.object({ ...keyRef(), isDefault: z.boolean() }),
);

export const keysSnoozeInputSchema = builtOnFirstUse(() =>
  z.object({
    ...keyRef(),
    /** Null clears the snooze. */
    until: z.iso.datetime().nullable(),
  }),
);

export const expiringItemSchema = z.object({
  serverId: z.string(),
  serverName: z.string(),
  key: keyViewSchema,
});
