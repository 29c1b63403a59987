import { describe, expect, it } from 'vitest';
import { createMemoryLogger, redact } from '../../../electron/core/log';

const secret = 'h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';

describe('redact', () => {
  it('removes the secret of a v3 bearer token when one appears in text', () => {
    expect(redact(`token-7kq2x:${secret}`)).toBe('token-7kq2x:[redacted]');
  });

  it('removes the secret of an ext bearer token when one appears in text', () => {
    expect(redact(`use ext/token-7kq2x:${secret} now`)).toBe('use ext/token-7kq2x:[redacted] now');
  });

  it('removes Authorization header values when a request is described', () => {
    expect(redact('{"Authorization":"Bearer abc.def"}')).not.toContain('abc.def');
    expect(redact('authorization: Basic dG9rZW4=')).not.toContain('dG9rZW4=');
  });

  it('removes the R_SESS cookie value when a cookie is described', () => {
    expect(redact(`Cookie: R_SESS=token-abcde:${secret}; CSRF=1`)).not.toContain(secret);
  });

  it('removes an id_token (a JWT) when one appears in text', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl';
    expect(redact(`login {"id_token":"${jwt}"}`)).toBe('login {"id_token":"[redacted-jwt]"}');
  });

  it('leaves ordinary text alone when it holds no credential', () => {
    expect(redact('refreshed 3 servers in 120 ms')).toBe('refreshed 3 servers in 120 ms');
  });
});

describe('createMemoryLogger', () => {
  it('redacts fields when they are logged', () => {
    const log = createMemoryLogger();
    log.info('request', { header: `Bearer token-abc12:${secret}` });
    expect(log.lines[0]).not.toContain(secret);
    expect(log.lines[0]).toContain('request');
  });
});
