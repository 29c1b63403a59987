import { describe, expect, it } from 'vitest';
import {
  deriveHealth,
  signInStateOf,
  type StoredSignIn,
} from '../../../../electron/core/servers/health';

const now = Date.parse('2026-03-01T12:00:00Z');
const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();
const signIn = (overrides: Partial<StoredSignIn> = {}): StoredSignIn => ({
  method: 'password',
  provider: 'local',
  user: { id: 'user-abcde', username: 'admin', displayName: 'Admin' },
  keyId: 'token-abcde',
  expiresAt: hours(48),
  rejected: false,
  ...overrides,
});

describe('signInStateOf', () => {
  it('is signed_out when there is no sign-in', () => {
    expect(signInStateOf(null, now)).toBe('signed_out');
  });
  it('is signed_in when the credential has time left or never expires', () => {
    expect(signInStateOf(signIn(), now)).toBe('signed_in');
    expect(signInStateOf(signIn({ expiresAt: null }), now)).toBe('signed_in');
  });
  it('is expired when the expiry has passed', () => {
    expect(signInStateOf(signIn({ expiresAt: hours(0) }), now)).toBe('expired');
    expect(signInStateOf(signIn({ expiresAt: hours(-1) }), now)).toBe('expired');
  });
  it('is expired when Rancher refused the credential', () => {
    expect(signInStateOf(signIn({ rejected: true }), now)).toBe('expired');
  });
});

describe('deriveHealth', () => {
  it('is ok when signed in with no error and no session ending soon', () => {
    expect(deriveHealth({ signIn: signIn(), lastError: null, now })).toBe('ok');
    expect(deriveHealth({ signIn: signIn({ expiresAt: null }), lastError: null, now })).toBe('ok');
  });
  it('is session_expiring only in the last 2 h, so a fresh 16 h session is ok', () => {
    expect(deriveHealth({ signIn: signIn({ expiresAt: hours(1) }), lastError: null, now })).toBe(
      'session_expiring',
    );
    expect(deriveHealth({ signIn: signIn({ expiresAt: hours(16) }), lastError: null, now })).toBe(
      'ok',
    );
  });
  it('is sign_in_needed when signed out, expired, or refused with 401', () => {
    expect(deriveHealth({ signIn: null, lastError: null, now })).toBe('sign_in_needed');
    expect(deriveHealth({ signIn: signIn({ expiresAt: hours(-1) }), lastError: null, now })).toBe(
      'sign_in_needed',
    );
    expect(
      deriveHealth({
        signIn: signIn(),
        lastError: { code: 'unauthorized', message: 'Sign in again.' },
        now,
      }),
    ).toBe('sign_in_needed');
  });
  it('puts connection problems before the sign-in when both apply', () => {
    expect(deriveHealth({ signIn: null, lastError: { code: 'timeout', message: '' }, now })).toBe(
      'unreachable',
    );
    expect(
      deriveHealth({ signIn: signIn(), lastError: { code: 'unreachable', message: '' }, now }),
    ).toBe('unreachable');
    expect(
      deriveHealth({ signIn: null, lastError: { code: 'tls_untrusted', message: '' }, now }),
    ).toBe('certificate_problem');
  });
  it('is unknown when the server last failed with a server error', () => {
    expect(
      deriveHealth({ signIn: signIn(), lastError: { code: 'server_error', message: '' }, now }),
    ).toBe('unknown');
  });
});
