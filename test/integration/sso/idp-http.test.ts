import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../../electron/core/rancher/http';
import { createIdpHttp, IDP_MAX_BODY } from '../../../electron/core/sso/idp-http';
import { failure } from '../../support/failure';

/**
 * The identity provider's answers are hostile input: bounded, never followed elsewhere, and the
 * form goes as a form. A loopback HTTP server stands in for Entra's endpoints.
 */
describe('identity provider requests (createIdpHttp over the server transport)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => handler(req, res, body));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const idp = () =>
    createIdpHttp((origin) =>
      createTransport({
        origin,
        tls: {},
        timeoutMs: 2_000,
        connectTimeoutMs: 1_000,
        appVersion: 'test',
        maxBodyBytes: IDP_MAX_BODY,
        retries: 0,
      }),
    );
  const signal = () => new AbortController().signal;

  it('posts the form url-encoded and hands back any status with its parsed JSON', async () => {
    let seen: { type?: string; body: string } = { body: '' };
    const origin = await serve((req, res, body) => {
      seen = { type: req.headers['content-type'], body };
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end('{"error":"authorization_pending"}');
    });
    const answer = await idp().postForm(
      `${origin}/t/oauth2/v2.0/token`,
      { a: '1 2', b: 'x&y' },
      signal(),
    );
    expect(answer).toEqual({ status: 400, body: { error: 'authorization_pending' } });
    expect(seen).toEqual({ type: 'application/x-www-form-urlencoded', body: 'a=1+2&b=x%26y' });
  });

  it('refuses an answer larger than its bound', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id_token: 'x'.repeat(IDP_MAX_BODY + 10) }));
    });
    const error = await failure(idp().postForm(`${origin}/token`, {}, signal()));
    expect(error.code).toBe('server_error');
    expect(error.message).toMatch(/^The identity provider at 127\.0\.0\.1:\d+ sent an answer/);
  });

  it('never follows a redirect to another address', async () => {
    let elsewhere = 0;
    const other = await serve((_req, res) => {
      elsewhere += 1;
      res.end('{}');
    });
    const origin = await serve((_req, res) => {
      res.writeHead(307, { Location: `${other}/steal` });
      res.end();
    });
    const error = await failure(idp().postForm(`${origin}/token`, { code: 'c' }, signal()));
    expect(error.code).toBe('server_error');
    expect(elsewhere).toBe(0);
  });

  it('refuses an address that is neither https nor loopback http', async () => {
    const error = await failure(idp().postForm('http://login.example.com/token', {}, signal()));
    expect(error.message).toBe('The identity provider address is not an https address.');
  });
});
