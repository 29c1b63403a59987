import { describe, expect, it } from 'vitest';
import { entraAnswerFailure } from '../../../../electron/core/sso/entra';

/** Entra's error answers as its token and device-code endpoints send them (HTTP 400 JSON). */
const answer = (body: unknown) => entraAnswerFailure({ status: 400, body });

describe('entraAnswerFailure', () => {
  it('says the sign-in was declined for RFC 8628’s access_denied and Entra’s authorization_declined', () => {
    for (const error of ['access_denied', 'authorization_declined']) {
      expect(answer({ error }).toAppError()).toEqual({
        code: 'forbidden',
        message: 'The sign-in was declined at Microsoft.',
      });
    }
  });

  it('names Conditional Access, whatever the error word, when Entra’s AADSTS codes say so', () => {
    const blocked = answer({
      error: 'invalid_grant',
      error_description: 'AADSTS53003: Access has been blocked by Conditional Access policies.',
      error_codes: [53003],
    });
    expect(blocked.code).toBe('forbidden');
    expect(blocked.message).toMatch(
      /Conditional Access policies: if you used a code, try Sign in with browser/,
    );
    // A plain invalid_grant (code used or expired) is not mistaken for it.
    expect(answer({ error: 'invalid_grant', error_codes: [70008] }).message).toMatch(
      /did not accept the sign-in any more/,
    );
  });

  it('ignores error codes of the wrong shape and never echoes an unknown error text', () => {
    const odd = answer({ error: 'Something <b>odd</b>', error_codes: ['53003'] });
    expect(odd.message).toBe('Azure AD refused the sign-in (unknown).');
  });
});
