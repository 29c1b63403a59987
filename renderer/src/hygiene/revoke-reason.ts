import type { ErrorCode } from '../../../electron/contract/errors';

/**
 * Why a token was not revoked (or not yet), in a sentence, from the error code the revocation
 * ended with: the server's own text can be terse or missing, the code always says enough.
 */
const reasons: Record<ErrorCode, string> = {
  invalid_input: 'Rancher refused the request.',
  unauthorized: 'The server no longer accepts Rancher Keys’ sign-in: sign in again, then retry.',
  forbidden: 'Your Rancher account is not allowed to revoke this token.',
  not_found: 'The server does not know this token.',
  unreachable: 'The server could not be reached.',
  timeout: 'The server took too long to answer.',
  tls_untrusted: 'The server’s certificate is not trusted.',
  server_error: 'The server answered with an error.',
  keychain_unavailable: 'The keychain is unavailable, so the token’s secret could not be removed.',
  keychain_locked: 'The keychain is locked, so the token’s secret could not be removed.',
  conflict: 'This token cannot be revoked now.',
  internal: 'Rancher Keys ran into an unexpected problem.',
};

/** The sentence for a revocation's error code. */
export function revokeReason(code: ErrorCode): string {
  return reasons[code];
}
