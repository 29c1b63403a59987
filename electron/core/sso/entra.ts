import { z } from 'zod';
import { AppFailure } from '../app-failure';
import type { IdpResponse } from './idp-http';

/** Entra's token answer: only the `id_token` is used (B4). */
const tokenAnswerSchema = z.looseObject({ id_token: z.string().min(10).max(16_384) });
const errorAnswerSchema = z.looseObject({ error: z.string().max(128) });
/** Entra's numeric AADSTS codes beside `error` (bounded; anything else is ignored). */
const errorCodesSchema = z.looseObject({
  error_codes: z.array(z.number().int().nonnegative().max(99_999_999)).max(16),
});

/** AADSTS codes of Conditional Access blocking a sign-in (53003) or the device it came from. */
const conditionalAccessCodes = new Set([50097, 53000, 53001, 53002, 53003]);

/** The OAuth `error` of an Entra answer, when it is a plain code (never echoed otherwise). */
export function entraError(response: IdpResponse): string | null {
  const parsed = errorAnswerSchema.safeParse(response.body);
  if (!parsed.success) return null;
  return /^[a-z_]{1,64}$/.test(parsed.data.error) ? parsed.data.error : 'unknown';
}

/** The AADSTS codes of an Entra error answer (`error_codes`), empty when there are none. */
export function entraErrorCodes(response: IdpResponse): readonly number[] {
  const parsed = errorCodesSchema.safeParse(response.body);
  return parsed.success ? parsed.data.error_codes : [];
}

/** The one-sentence reason for an Entra error answer that ends a flow. */
export function entraAnswerFailure(response: IdpResponse): AppFailure {
  return entraFailure(entraError(response), response.status, entraErrorCodes(response));
}

/**
 * The one-sentence reason for an Entra error that ends a flow (issue 15's list). `codes` are the
 * answer's AADSTS codes: Conditional Access is told apart from a plain refusal by them.
 */
export function entraFailure(
  error: string | null,
  status: number,
  codes: readonly number[] = [],
): AppFailure {
  if (codes.some((code) => conditionalAccessCodes.has(code))) {
    return new AppFailure(
      'forbidden',
      'Microsoft blocked this sign-in under your organisation’s Conditional Access policies: if you used a code, try Sign in with browser; otherwise ask your administrator.',
    );
  }
  switch (error) {
    // RFC 8628 says access_denied; Entra's device flow answers authorization_declined.
    case 'access_denied':
    case 'authorization_declined':
      return new AppFailure('forbidden', 'The sign-in was declined at Microsoft.');
    case 'expired_token':
      return new AppFailure(
        'timeout',
        'The code expired before the sign-in was completed. Start again.',
      );
    case 'invalid_client':
    case 'unauthorized_client':
      return new AppFailure(
        'forbidden',
        'Azure AD refused Rancher’s app registration for this sign-in: "Allow public client flows" (and, for the browser sign-in, a "Mobile and desktop" redirect to http://localhost) must be enabled on it; ask your Rancher administrator.',
      );
    case 'bad_verification_code':
      return new AppFailure(
        'server_error',
        'Azure AD did not recognise the sign-in code Rancher Keys asked for. Start again.',
      );
    case 'invalid_grant':
      return new AppFailure(
        'unauthorized',
        'Azure AD did not accept the sign-in any more (it was used or expired). Start again.',
      );
    default:
      return new AppFailure(
        'server_error',
        `Azure AD refused the sign-in (${error ?? `HTTP ${status}`}).`,
      );
  }
}

/** The `id_token` of a successful token answer; a failure when there is none. */
export function idTokenOf(response: IdpResponse): string {
  const parsed = tokenAnswerSchema.safeParse(response.body);
  if (response.status !== 200 || !parsed.success) {
    throw new AppFailure('server_error', 'Azure AD answered the sign-in without an ID token.');
  }
  return parsed.data.id_token;
}

/** Scopes Rancher's provider asks for (B1, B2). */
export const ENTRA_SCOPE = 'openid profile email';
