import { z } from 'zod';
import { certificateInfoSchema } from './errors';
import { tokenFamilySchema } from './keys';

/**
 * The Plaintext check (issue 12): Rancher tokens found in plaintext files the Rancher CLI and
 * kubectl read, imported into the keychain, and the files rewritten without them. Nothing here
 * ever carries a secret: findings name a token by its access key and its place in a file.
 */

/** What a file is: the Rancher CLI's `cli2.json`, or a kubeconfig. */
export const plaintextFileKindSchema = z.enum(['cli2', 'kubeconfig']);
export type PlaintextFileKind = z.infer<typeof plaintextFileKindSchema>;

/**
 * Why a file was looked at: the Rancher CLI's config (`RANCHER_CONFIG_DIR` or `~/.rancher`),
 * kubectl's default `~/.kube/config`, a file listed in `$KUBECONFIG`, or one the user added.
 */
export const plaintextFileOriginSchema = z.enum([
  'rancher_cli',
  'kube_default',
  'kubeconfig_env',
  'user_added',
]);
export type PlaintextFileOrigin = z.infer<typeof plaintextFileOriginSchema>;

/**
 * What reading a file gave. `ok`: parsed (it may hold no token); `missing`: not there (normal for
 * a default place); `unreadable`: permission or I/O error; `malformed`: not valid JSON/YAML or not
 * the expected shape; `symlink_refused`: a symbolic link whose target is not a regular file the
 * user owns; `too_large`: over the size bound; `not_a_file`: a directory or device.
 */
export const plaintextFileStatusSchema = z.enum([
  'ok',
  'missing',
  'unreadable',
  'malformed',
  'symlink_refused',
  'too_large',
  'not_a_file',
]);
export type PlaintextFileStatus = z.infer<typeof plaintextFileStatusSchema>;

/** One file the check looked at. */
export const plaintextFileSchema = z.object({
  /** Stable for the session: the same path gets the same id in every scan. */
  fileId: z.string(),
  /** The path, for display (`~` for the home directory). */
  path: z.string(),
  kind: plaintextFileKindSchema,
  origin: plaintextFileOriginSchema,
  status: plaintextFileStatusSchema,
  /** One plain sentence when the status is not `ok` (never a secret, never file content). */
  message: z.string().nullable(),
  /** Tokens found in this file. */
  findingCount: z.number().int().nonnegative(),
  /** A kubeconfig reached through a symlink, or read-only: the check reads it but will not rewrite. */
  rewritable: z.boolean(),
});
export type PlaintextFile = z.infer<typeof plaintextFileSchema>;

/**
 * Which kind of token: a v3 API key or login token, an ext token (`ext/token-…`), or a kubeconfig
 * token (`kubeconfig-user-…`, issued by Rancher's "Download KubeConfig" or `rancher token`).
 */
export const plaintextTokenKindSchema = z.enum(['v3', 'ext', 'kubeconfig']);
export type PlaintextTokenKind = z.infer<typeof plaintextTokenKindSchema>;

/**
 * Where in the file: `cli2_login` (a server entry's `accessKey`/`secretKey`/`tokenKey`),
 * `cli2_kube_credential` (a cached `kubeCredentials` exec credential), `kubeconfig_user` (a
 * kubeconfig `users[].user.token`).
 */
export const plaintextPlaceKindSchema = z.enum([
  'cli2_login',
  'cli2_kube_credential',
  'kubeconfig_user',
]);
export type PlaintextPlaceKind = z.infer<typeof plaintextPlaceKindSchema>;

/** A token's place in a file, in the file's own names. */
export const plaintextPlaceSchema = z.object({
  kind: plaintextPlaceKindSchema,
  /** The cli2.json server entry name (e.g. `rancherDefault`), or the kubeconfig user name. */
  entry: z.string(),
  /** For a cached kube credential: its key (`<userID>_<clusterID>`); otherwise null. */
  subEntry: z.string().nullable(),
  /** Kubeconfig contexts that use this user (empty in cli2.json). */
  contexts: z.array(z.string()),
});
export type PlaintextPlace = z.infer<typeof plaintextPlaceSchema>;

/** One Rancher token found in plaintext. */
export const plaintextFindingSchema = z.object({
  /** Valid for this scan only. */
  findingId: z.string(),
  fileId: z.string(),
  place: plaintextPlaceSchema,
  tokenKind: plaintextTokenKindSchema,
  family: tokenFamilySchema,
  /** The access key (`token-abc12`, `ext/token-abc12`, `kubeconfig-user-…`), never the secret. */
  accessKey: z.string(),
  /** The server origin the token belongs to (`https://rancher.example.com`); null when unknown. */
  serverUrl: z.string().nullable(),
  /** The cluster a kubeconfig token's cluster URL names (`…/k8s/clusters/<id>`). */
  clusterId: z.string().nullable(),
  /** The app already has this server: its id. */
  serverId: z.string().nullable(),
  serverKnown: z.boolean(),
  /** The app already holds this very secret (matched by a keyed hash, in memory only). */
  alreadyHeld: z.boolean(),
  /** With `alreadyHeld`: the key's id on `serverId`. */
  heldKeyId: z.string().nullable(),
  /** What the file itself says of the expiry (cli2.json kube credentials), or null. */
  expiresAt: z.string().nullable(),
  /** The file carries a CA for this server (cli2.json `cacert`, kubeconfig CA data). */
  hasCa: z.boolean(),
});
export type PlaintextFinding = z.infer<typeof plaintextFindingSchema>;

const fileIdInput = z.string().min(1).max(64);
const scanIdInput = z.string().min(1).max(64);
const jobIdInput = z.string().min(8).max(64);

/** Look in the known places, plus the files the user added (by `plaintext:addFile` id). */
export const plaintextScanInputSchema = z.object({
  addedFileIds: z.array(fileIdInput).max(50).default([]),
});
export const plaintextScanOutputSchema = z.object({
  scanId: z.string(),
  scannedAt: z.string(),
  files: z.array(plaintextFileSchema),
  findings: z.array(plaintextFindingSchema),
});
export type PlaintextScan = z.infer<typeof plaintextScanOutputSchema>;

/**
 * Main asks the user for a file in the OS file dialog (the renderer never sends a path). Null when
 * the user cancelled.
 */
export const plaintextAddFileOutputSchema = z.object({
  file: z.object({ fileId: z.string(), path: z.string() }).nullable(),
});

export const plaintextImportInputSchema = z.object({
  /** Chosen by the caller so it can follow `plaintext:progress` and cancel. */
  jobId: jobIdInput,
  scanId: scanIdInput,
  findingIds: z.array(z.string().min(1).max(64)).min(1).max(20_000),
});

/**
 * How importing one finding ended. `imported`: now in the keychain; `already_held`: the app had
 * it; `expired`, `revoked` (gone from the server or disabled), `not_owner` (another user's):
 * listed, not imported; `unreachable`: the server did not answer; `untrusted`: the server's
 * certificate needs the user's trust (`certificate` says which) — add the server with the trust
 * dialog, then import again; `unknown_server`: no server URL in the file; `failed`: anything else;
 * `cancelled`: not attempted.
 */
export const plaintextImportOutcomeSchema = z.enum([
  'imported',
  'already_held',
  'expired',
  'revoked',
  'not_owner',
  'unreachable',
  'untrusted',
  'unknown_server',
  'failed',
  'cancelled',
]);
export type PlaintextImportOutcome = z.infer<typeof plaintextImportOutcomeSchema>;

export const plaintextImportResultSchema = z.object({
  findingId: z.string(),
  accessKey: z.string(),
  outcome: plaintextImportOutcomeSchema,
  /** The server the token went to (added when it was new). */
  serverId: z.string().nullable(),
  /** The key's id on that server. */
  keyId: z.string().nullable(),
  message: z.string().nullable(),
  /** For `untrusted`: the certificate to show in the trust dialog. */
  certificate: certificateInfoSchema.nullable(),
});
export type PlaintextImportResult = z.infer<typeof plaintextImportResultSchema>;

export const plaintextImportOutputSchema = z.object({
  cancelled: z.boolean(),
  results: z.array(plaintextImportResultSchema),
  /** Servers the import added. */
  addedServerIds: z.array(z.string()),
});

/** Progress of an import (main → renderer). */
export const plaintextProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});

export const plaintextCancelInputSchema = z.object({ jobId: jobIdInput });

export const plaintextFileInputSchema = z.object({ scanId: scanIdInput, fileId: fileIdInput });

/**
 * One entry a rewrite changes: a kubeconfig user's `token` becomes the `rancher-keys
 * kubectl-credential` exec entry; a cli2.json entry loses its secret (or cached credential).
 */
export const plaintextChangeSchema = z.object({
  findingId: z.string(),
  place: plaintextPlaceSchema,
  accessKey: z.string(),
  change: z.enum(['token_to_exec', 'remove_secret', 'remove_kube_credential']),
});
export type PlaintextChange = z.infer<typeof plaintextChangeSchema>;

/** A token the rewrite leaves in the file, and why (not imported, expired, …). */
export const plaintextKeptSchema = z.object({
  findingId: z.string(),
  place: plaintextPlaceSchema,
  accessKey: z.string(),
  reason: z.string(),
});

/** A dry run of `plaintext:rewrite`: what changes (no secrets, no file content). */
export const plaintextRewritePreviewSchema = z.object({
  fileId: z.string(),
  path: z.string(),
  kind: plaintextFileKindSchema,
  changes: z.array(plaintextChangeSchema),
  kept: z.array(plaintextKeptSchema),
  /** What stops working, said plainly (cli2.json: the Rancher CLI asks for `rancher login`). */
  consequence: z.string().nullable(),
  /** Where the backup will go (beside the file, mode 0600). */
  backupPath: z.string(),
  /** Why the file cannot be rewritten now (changed since the scan: rescan), or null. */
  refusal: z.string().nullable(),
});
export type PlaintextRewritePreview = z.infer<typeof plaintextRewritePreviewSchema>;

export const plaintextRewriteOutputSchema = z.object({
  /** For `plaintext:undo`. */
  rewriteId: z.string(),
  path: z.string(),
  backupPath: z.string(),
  changed: z.number().int().nonnegative(),
});

export const plaintextUndoInputSchema = z.object({ rewriteId: z.string().min(1).max(64) });
export const plaintextUndoOutputSchema = z.object({ path: z.string(), restored: z.boolean() });

/**
 * A place a key is used: `found` by the Plaintext check (its secret, matched by keyed hash), or
 * `written` (a kubeconfig exec entry that runs `rancher-keys kubectl-credential` for this key,
 * written by "Use with kubectl…" or a rewrite; it follows the key through Renew by itself).
 */
export const keyPlaceSchema = z.object({
  path: z.string(),
  fileKind: plaintextFileKindSchema,
  how: z.enum(['found', 'written']),
  place: plaintextPlaceSchema,
});
export type KeyPlace = z.infer<typeof keyPlaceSchema>;

export const keysWhereUsedInputSchema = z.object({
  serverId: z.string().min(1),
  keyId: z.string().min(1).max(300),
});
export const keysWhereUsedOutputSchema = z.object({
  places: z.array(keyPlaceSchema),
  /** When the places were last looked for (the last Plaintext check), or null: never this session. */
  scannedAt: z.string().nullable(),
});

/**
 * Before a renewal: rewrite the kubeconfig users the check finds holding this key's secret to the
 * `rancher-keys kubectl-credential` exec entry for the key's handle, which moves to the renewal,
 * so kubectl follows the renewed key. Each file as `plaintext:rewrite` does it (backup, undo).
 */
export const plaintextUpdatePlacesInputSchema = keysWhereUsedInputSchema;
export const plaintextUpdatePlacesOutputSchema = z.object({
  /** Files rewritten (undo each with `plaintext:undo`). */
  updated: z.array(plaintextRewriteOutputSchema),
  /** Files holding the key that were left as they are, and why. */
  left: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type PlaintextUpdatePlaces = z.infer<typeof plaintextUpdatePlacesOutputSchema>;
