import { describe, expect, it } from 'vitest';
import {
  badBodyFailure,
  networkFailure,
  redirectFailure,
  serverMessage,
  statusFailure,
  timeoutFailure,
} from '../../../../electron/core/rancher/failures';
import { CONNECT_TIMEOUT, PIN_MISMATCH } from '../../../../electron/core/rancher/tls';

const ctx = { origin: 'https://rancher.example.com' };
const secret = 'h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';

describe('statusFailure', () => {
  it.each([
    [401, 'unauthorized', /Sign in again/],
    [403, 'forbidden', /not allowed/],
    [404, 'not_found', /does not have/],
    [409, 'conflict', /conflict/],
    [400, 'invalid_input', /did not accept/],
    [422, 'invalid_input', /did not accept/],
    [500, 'server_error', /HTTP 500/],
    [502, 'server_error', /HTTP 502/],
    [503, 'server_error', /HTTP 503/],
    [418, 'server_error', /unexpected HTTP 418/],
  ] as const)('maps HTTP %i to %s when Rancher answers with it', (status, code, message) => {
    const failure = statusFailure(status, '', ctx);
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
    expect(failure.message).toContain('rancher.example.com');
  });

  it("quotes Rancher's message, redacted, when the body carries one", () => {
    const body = JSON.stringify({
      code: 'BadRequest',
      message: `forbidden to extend time-to-live of token-abc12:${secret}`,
    });
    const failure = statusFailure(400, body, ctx);
    expect(failure.message).toContain('forbidden to extend time-to-live');
    expect(failure.message).not.toContain(secret);
  });
});

describe('serverMessage', () => {
  it('reads the message of each of Rancher error formats and ignores HTML', () => {
    expect(
      serverMessage(
        '{"type":"error","status":"401","message":"Unauthorized 401: must authenticate"}',
      ),
    ).toBe('Unauthorized 401: must authenticate');
    expect(
      serverMessage(
        '{"kind":"Status","message":"tokens.ext.cattle.io \\"x\\" not found","code":404}',
      ),
    ).toContain('not found');
    expect(serverMessage('<html>502 Bad Gateway</html>')).toBeNull();
    expect(serverMessage('{"message":""}')).toBeNull();
  });
});

describe('networkFailure', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable', /refused/],
    ['ENOTFOUND', 'unreachable', /could not be found/],
    ['ECONNRESET', 'unreachable', /cut off/],
    ['EPROTO', 'unreachable', /http:\/\/ or https:\/\//],
    [CONNECT_TIMEOUT, 'timeout', /in time/],
    [PIN_MISMATCH, 'tls_untrusted', /different certificate/],
    [undefined, 'unreachable', /Could not talk/],
  ] as const)('maps %s to %s when the connection fails', (code, expected, message) => {
    const failure = networkFailure(code, ctx);
    expect(failure.code).toBe(expected);
    expect(failure.message).toMatch(message);
  });

  it('marks a pin mismatch as a changed certificate', () => {
    expect(networkFailure(PIN_MISMATCH, ctx).certificateChanged).toBe(true);
  });
});

describe('other failures', () => {
  it('names the other origin of a redirect and says it was not followed', () => {
    const failure = redirectFailure(ctx, 'https://login.example.org/sso?next=/v3');
    expect(failure.code).toBe('server_error');
    expect(failure.message).toContain('redirected to https://login.example.org');
  });
  it('says a redirect loop within the origin is not followed', () => {
    expect(redirectFailure(ctx, '/v3/tokens').message).toContain('kept redirecting');
  });
  it('maps timeouts and damaged bodies to their codes', () => {
    expect(timeoutFailure(ctx, 15_000)).toMatchObject({ code: 'timeout' });
    expect(timeoutFailure(ctx, 15_000).message).toContain('15 s');
    expect(badBodyFailure(ctx, 'invalid').code).toBe('server_error');
    expect(badBodyFailure(ctx, 'unexpected').code).toBe('server_error');
  });
});
