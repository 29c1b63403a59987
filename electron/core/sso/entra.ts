import { z } from 'zod';
import { AppFailure } from '../app-failure';
import type { IdpResponse } from './idp-http';

/** Entra's token answer: only the `id_token` is used (B4). */
const tokenAnswerSchema = z.looseObject({ id_token: z.string().min(10).max(16_384) });
const errorAnswerSchema = z.looseObject({ error: z.string().max(128) });

/** The OAuth `error` of an Entra answer, when it is a plain code (never echoed otherwise). */
export function entraError(response: IdpResponse): string | null {
  const parsed = errorAnswerSchema.safeParse(response.body);
  if (!parsed.success) return null;
  return /^[a-z_]{1,64}$/.test(parsed.data.error) ? parsed.data.error : 'unknown';
}

/** The one-sentence reason for an Entra error that ends a flow (issue 15's list). */
export function entraFailure(error: string | null, status: number): AppFailure {
  switch (error) {
    case 'access_denied':
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
