import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use';
import { appErrorSchema, certificateInfoSchema } from './errors';
import { proxyInputSchema, serverProxySchema } from './proxy';

/** A Rancher version string as `/rancherversion` reports it, e.g. `v2.13.1`. */
export const tokenApisSchema = z.object({
  v3: z.boolean(),
  /** ext.cattle.io/v1 tokens, Rancher 2.12+. */
  ext: z.boolean(),
});
export type TokenApis = z.infer<typeof tokenApisSchema>;

export const authProviderSchema = z.object({
  /** Provider id as Rancher names it: `local`, `openldap`, `activedirectory`, `freeipa`. */
  id: z.string(),
  displayName: z.string(),
  /** Whether it takes a username and password (the app offers no browser-redirect providers). */
  passwordLogin: z.boolean(),
});
export type AuthProvider = z.infer<typeof authProviderSchema>;

export const signInStateSchema = z.object({
  state: z.enum(['signed_out', 'signed_in', 'expired']),
  /** `sso`: a key the app created after a single sign-on flow (it is logged out at sign-out). */
  method: z.enum(['api_key', 'password', 'sso']).nullable(),
  provider: z.string().nullable(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable(),
  /** When the sign-in credential itself expires; null when it never does or is unknown. */
  expiresAt: z.string().nullable(),
  /**
   * `sso` only: the credential is the token the sign-in obtained (a Rancher `session`, or SAML's
   * `kubeconfig` token), kept because Rancher refused to create a key from it. Absent for a key.
   */
  obtained: z.enum(['session', 'kubeconfig']).optional(),
});
export type SignInState = z.infer<typeof signInStateSchema>;

/** How a server looks to the user at a glance in the switcher. */
export const serverHealthSchema = z.enum([
  'ok',
  'session_expiring',
  'sign_in_needed',
  'unreachable',
  'certificate_problem',
  'unknown',
]);
export type ServerHealth = z.infer<typeof serverHealthSchema>;

export const serverSchema = z.object({
  id: z.string(),
  /** Normalised origin, e.g. `https://rancher.example.com`. */
  origin: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** A custom CA is configured (its PEM is stored in metadata; it is not a secret). */
  hasCustomCa: z.boolean(),
  /** Pinned certificate fingerprint, when the user trusted a certificate on first use. */
  fingerprint256: z.string().nullable(),
  timeoutMs: z.number().int().positive(),
  /** How the server is reached: directly, the system's proxy, or a given one. */
  proxy: serverProxySchema,
  /** The CA of a TLS-inspecting proxy the user trusted for this server only. */
  proxyCa: certificateInfoSchema.nullable(),
  version: z.string().nullable(),
  tokenApis: tokenApisSchema,
  /** `auth-token-max-ttl-minutes` as a duration; null when the server sets no maximum. */
  maxTtlMs: z.number().int().nonnegative().nullable(),
  signIn: signInStateSchema,
  health: serverHealthSchema,
  lastRefreshedAt: z.string().nullable(),
  lastError: appErrorSchema.nullable(),
  /** Keys of this server that are expiring soon or expired (and not snoozed). */
  nearExpiryCount: z.number().int().nonnegative(),
});
export type Server = z.infer<typeof serverSchema>;

export const clusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
});
export type Cluster = z.infer<typeof clusterSchema>;

// The parts of the inputs below, made by the inputs when they are first built (builtOnFirstUse).
const urlInput = () =>
  z.string().trim().min(1, 'Enter the address of your Rancher server').max(2048);
const pemInput = () =>
  z
    .string()
    .trim()
    .max(64 * 1024)
    .includes('-----BEGIN CERTIFICATE-----', {
      message: 'Paste a PEM certificate (it begins with -----BEGIN CERTIFICATE-----)',
    });
const fingerprintInput = () =>
  z
    .string()
    .trim()
    .regex(
      /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/,
      'A SHA-256 fingerprint is 32 hex pairs separated by colons',
    );
const timeoutInput = () => z.number().int().min(1_000).max(120_000);

export const serverAddInputSchema = builtOnFirstUse(() =>
  z.object({
    url: urlInput(),
    name: z.string().trim().max(100).optional(),
    caPem: pemInput().optional(),
    fingerprint256: fingerprintInput().optional(),
    timeoutMs: timeoutInput().optional(),
    proxy: proxyInputSchema.optional(),
    /** As in {@link serverUpdateInputSchema}: a TLS-inspecting proxy's CA, trusted for this server. */
    proxyCaFingerprint256: fingerprintInput().optional(),
  }),
);
export type ServerAddInput = z.infer<typeof serverAddInputSchema>;

export const serverUpdateInputSchema = builtOnFirstUse(() =>
  z.object({
    id: z.string().min(1),
    name: z.string().trim().min(1).max(100).optional(),
    caPem: pemInput().nullable().optional(),
    fingerprint256: fingerprintInput().nullable().optional(),
    timeoutMs: timeoutInput().optional(),
    proxy: proxyInputSchema.optional(),
    /**
     * Trust, for this server only, the CA a TLS-inspecting proxy signs with: its fingerprint as the
     * `issuerCertificate` of a `proxy: 'intercepting'` error showed it. Null forgets it.
     */
    proxyCaFingerprint256: fingerprintInput().nullable().optional(),
  }),
);
export type ServerUpdateInput = z.infer<typeof serverUpdateInputSchema>;

export const signInInputSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('method', [
    z.object({
      serverId: z.string().min(1),
      method: z.literal('api_key'),
      /** A bearer token `token-xxxxx:secret` or `ext/token-xxxxx:secret`. Write-only. */
      token: z.string().trim().min(1).max(512),
    }),
    z.object({
      serverId: z.string().min(1),
      method: z.literal('password'),
      provider: z.string().min(1).max(64),
      username: z.string().min(1).max(256),
      /** Write-only. */
      password: z.string().min(1).max(1024),
    }),
  ]),
);
export type SignInInput = z.infer<typeof signInInputSchema>;
