import { z } from 'zod';

/** The closed set of error codes the UI switches on (design.md §3). */
export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'unreachable',
  'timeout',
  'tls_untrusted',
  'server_error',
  'keychain_unavailable',
  'keychain_locked',
  'conflict',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One attribute of a distinguished name, e.g. `O` = `DigiCert Inc` (value unescaped, neutralised). */
export const dnFieldSchema = z.object({ name: z.string().max(64), value: z.string().max(1024) });
export type DnField = z.infer<typeof dnFieldSchema>;

/** What a TLS certificate looks like to a user deciding whether to trust it. */
export const certificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** The subject one attribute per entry, so `O=Evil, O=DigiCert Inc` in one value is one field. */
  subjectFields: z.array(dnFieldSchema).max(64).optional(),
  /** The issuer one attribute per entry (see `subjectFields`). */
  issuerFields: z.array(dnFieldSchema).max(64).optional(),
  /** SHA-256 of the DER certificate, colon-separated upper-case hex (as Node's `fingerprint256`). */
  fingerprint256: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/**
 * What stood between the app and the server when a proxy was in the way: it asked for credentials
 * (407), blocked the server (403), refused otherwise, could not be reached, failed its own TLS,
 * timed out or answered nonsense; plain HTTP was refused without consent; the setting names a
 * proxy the app cannot use; or the server's certificate, seen through the proxy, is not trusted
 * (most often a proxy that re-signs TLS).
 */
export const proxyCauseSchema = z.enum([
  'auth_required',
  'blocked',
  'refused',
  'unreachable',
  'tls',
  'timeout',
  'bad_answer',
  'plain_http',
  'unsupported',
  'intercepting',
]);
export type ProxyCause = z.infer<typeof proxyCauseSchema>;

/**
 * An error as it crosses IPC: a code, a message that tells the user what to do, and for
 * `tls_untrusted` the certificate that was presented. Never carries a secret.
 */
export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  certificate: certificateInfoSchema.optional(),
  /** When a server pinned by fingerprint presented another certificate. */
  certificateChanged: z.boolean().optional(),
  /** Set when the failure is the proxy's (or seen through it), with its cause. */
  proxy: proxyCauseSchema.optional(),
  /**
   * For `proxy: 'intercepting'`: the CA that signed the certificate seen through the proxy, when
   * the proxy sent it; the user may trust it for this server only.
   */
  issuerCertificate: certificateInfoSchema.optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

/** The result every invoke channel resolves to. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
