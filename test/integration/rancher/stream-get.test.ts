import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { createTransport } from '../../../electron/core/rancher/http';
import { itemConsumer } from '../../../electron/core/rancher/json-items';
import { v3TokenSchema } from '../../../electron/core/rancher/schemas';
import { isExactV3Token } from '../../../electron/core/rancher/token-check';
import { fromV3 } from '../../../electron/core/rancher/token-model';

/**
 * The token lists are fetched straight on Node's http (rancher/stream-get.ts) rather than through
 * axios: the request must carry what axios sent, a compressed answer must be read as axios read
 * it, and a broken or silent server must fail as before. A plain Node server stands in for
 * Rancher here because the simulator never compresses and cannot cut a body short.
 */

const list = JSON.stringify({
  type: 'collection',
  data: [
    { name: 'token-bbbbb', ttl: 0, description: 'first' },
    { name: 'token-ccccc', ttl: 86_400_000, description: 'second' },
  ],
});

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
let handler: Handler = () => undefined;
let seen: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    handler(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function listTokens(timeoutMs = 5_000) {
  seen = [];
  const http = createTransport({
    origin,
    tls: {},
    timeoutMs,
    connectTimeoutMs: 2_000,
    appVersion: '9.9.9-test',
    retries: 0,
  });
  const items = itemConsumer(origin, 'data', v3TokenSchema, (item) => fromV3(item), isExactV3Token);
  await http.request({
    method: 'GET',
    path: '/v3/tokens',
    bearer: 'token-abcde:secret',
    consume: items.consume,
  });
  return items.result().items.map((t) => t.name);
}

describe('token lists over Node http', () => {
  it('sends what axios sent: Accept, User-Agent, the bearer, and the encodings it reads', async () => {
    handler = (_, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(list);
    expect(await listTokens()).toEqual(['token-bbbbb', 'token-ccccc']);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.accept).toBe('application/json');
    expect(seen[0]?.['user-agent']).toBe('rancher-keys/9.9.9-test');
    expect(seen[0]?.authorization).toBe('Bearer token-abcde:secret');
    expect(seen[0]?.['accept-encoding']).toBe('gzip, deflate, br');
  });

  for (const [encoding, encode] of [
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    it(`reads a ${encoding} answer`, async () => {
      handler = (_, response) =>
        response
          .writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding })
          .end(encode(Buffer.from(list)));
      expect(await listTokens()).toEqual(['token-bbbbb', 'token-ccccc']);
    });
  }

  it('fails an answer cut off by the server, and one that never comes', async () => {
    handler = (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(list.slice(0, 40));
      setTimeout(() => response.destroy(), 20);
    };
    await expect(listTokens()).rejects.toBeInstanceOf(AppFailure);
    handler = () => undefined;
    await expect(listTokens(300)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('times out an answer that stops half way, and the next list is read as usual', async () => {
    handler = (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(list.slice(0, 40));
    };
    const started = Date.now();
    await expect(listTokens(300)).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    handler = (_, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(list);
    expect(await listTokens()).toEqual(['token-bbbbb', 'token-ccccc']);
  });

  it('does not follow a redirect of a list to another host', async () => {
    handler = (_, response) =>
      response.writeHead(302, { Location: 'http://192.0.2.1/v3/tokens' }).end();
    await expect(listTokens()).rejects.toBeInstanceOf(AppFailure);
    expect(seen).toHaveLength(1);
  });
});
