import type { AppError } from '../../contract/errors';
import type { ServerHealth, SignInState } from '../../contract/servers';

/**
 * A sign-in session that ends within this window makes the server "session expiring". Rancher's
 * sessions last 16 h, so a wider window would flag every fresh password sign-in; until then the
 * window shows when the session ends.
 */
export const SESSION_WARNING_MS = 2 * 3_600_000;

/** The sign-in of a server as persisted (no secret: that is in the keychain). */
export interface StoredSignIn {
  method: 'api_key' | 'password' | 'sso';
  provider: string | null;
  user: { id: string; username: string; displayName: string };
  /** `token-abc12` or `ext/token-abc12`. */
  keyId: string;
  expiresAt: string | null;
  /** The server answered 401 for it: it was revoked, disabled or expired early. */
  rejected: boolean;
  /**
   * Set when the credential is the token single sign-on obtained (a Rancher session, or SAML's
   * kubeconfig token) because Rancher refused to create a key from it; absent for a key.
   */
  obtained?: 'session' | 'kubeconfig';
}

/** `signed_out`, `signed_in`, or `expired` once the credential's time is up or Rancher refused it. */
export function signInStateOf(signIn: StoredSignIn | null, now: number): SignInState['state'] {
  if (!signIn) return 'signed_out';
  if (signIn.rejected) return 'expired';
  if (signIn.expiresAt && Date.parse(signIn.expiresAt) <= now) return 'expired';
  return 'signed_in';
}

/** Codes that say something about the server as a whole (the rest are about one request). */
export const healthCodes = new Set([
  'unauthorized',
  'unreachable',
  'timeout',
  'tls_untrusted',
  'server_error',
]);

/**
 * A server at a glance. Connection problems come first (signing in again would not help), then
 * the sign-in, then a session about to end.
 */
export function deriveHealth(input: {
  signIn: StoredSignIn | null;
  lastError: AppError | null;
  now: number;
}): ServerHealth {
  const { signIn, lastError, now } = input;
  if (lastError?.code === 'tls_untrusted') return 'certificate_problem';
  if (lastError?.code === 'unreachable' || lastError?.code === 'timeout') return 'unreachable';
  if (signInStateOf(signIn, now) !== 'signed_in' || lastError?.code === 'unauthorized') {
    return 'sign_in_needed';
  }
  if (lastError?.code === 'server_error') return 'unknown';
  if (signIn?.expiresAt && Date.parse(signIn.expiresAt) - now <= SESSION_WARNING_MS) {
    return 'session_expiring';
  }
  return 'ok';
}
