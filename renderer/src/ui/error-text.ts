import type { AppError, ErrorCode } from '../../../electron/contract/errors';
import { ApiError } from '../api';

/** What the user can do about an error; the UI renders one button per remedy. */
export type Remedy = 'sign_in' | 'trust_certificate' | 'unlock_keychain' | 'retry' | 'edit_server';

const titles: Record<ErrorCode, string> = {
  invalid_input: 'Check what you entered',
  unauthorized: 'Sign-in needed',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  unreachable: 'Server unreachable',
  timeout: 'The server took too long',
  tls_untrusted: 'Certificate not trusted',
  server_error: 'The server had a problem',
  keychain_unavailable: 'Keychain unavailable',
  keychain_locked: 'Keychain locked',
  conflict: 'Already exists',
  internal: 'Something went wrong',
};

const remedies: Record<ErrorCode, Remedy[]> = {
  invalid_input: [],
  unauthorized: ['sign_in'],
  forbidden: ['sign_in'],
  not_found: ['retry'],
  unreachable: ['retry', 'edit_server'],
  timeout: ['retry', 'edit_server'],
  tls_untrusted: ['trust_certificate'],
  server_error: ['retry'],
  keychain_unavailable: ['unlock_keychain', 'retry'],
  keychain_locked: ['unlock_keychain', 'retry'],
  conflict: [],
  internal: ['retry'],
};

/** A short heading for an error code. */
export function errorTitle(code: ErrorCode): string {
  return titles[code];
}

/** The heading of an error: the proxy's when it is the proxy's doing, else the code's. */
export function errorHeading(error: AppError): string {
  if (error.proxy === 'intercepting') return 'Proxy inspecting TLS';
  return error.proxy ? 'Proxy problem' : errorTitle(error.code);
}

/** The remedies offered for an error code, most useful first. */
export function errorRemedies(code: ErrorCode): Remedy[] {
  return remedies[code];
}

/** Any thrown value as an AppError (main's own message when it is one). */
export function toAppError(error: unknown): AppError {
  if (error instanceof ApiError) return error.error;
  return {
    code: 'internal',
    message: 'Rancher Keys could not reach its main process. Restart the app and try again.',
  };
}
