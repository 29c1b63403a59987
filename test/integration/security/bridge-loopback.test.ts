import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startBridge, type Bridge } from '../../bridge/server';

// The bridge in front of the real core (real keychain under a test service name); the renderer
// directory is a two-file stand-in, since only the bridge's gate is under test here.
let dir = '';
let core: TestCore;
let bridge: Bridge;
let port = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rk-bridge-'));
  await writeFile(
    join(dir, 'index.html'),
    '<html><script type="module" src="./app.js"></script></html>',
  );
  await writeFile(join(dir, 'app.js'), 'export {};');
  core = createTestCore();
  bridge = await startBridge({
    dispatch: core.dispatch,
    rendererDir: dir,
    testRoutes: { '/__bridge/test/clipboard': () => ({ current: core.clipboard.current }) },
  });
  port = Number(new URL(bridge.origin).port);
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  cookie: string | undefined;
}

/** A raw HTTP request to the bridge with exactly these headers (fetch cannot set Host). */
function send(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body = '',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      // The event stream stays open when it is answered: its first bytes are enough.
      res.once('data', () => {
        if (res.headers['content-type'] === 'text/event-stream') req.destroy();
      });
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text,
          cookie: res.headers['set-cookie']?.[0],
        });
      res.on('end', done).on('close', done);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const invoke = (headers: Record<string, string>) =>
  send(
    '/__bridge/invoke/app%3Ainfo',
    { 'content-type': 'application/json', ...headers },
    'POST',
    '{}',
  );

describe('test bridge', () => {
  const host = () => `127.0.0.1:${port}`;
  const withToken = () => ({ host: host(), 'x-bridge-token': bridge.token });
  const everyPath = () => [
    '/',
    `/?t=x`,
    '/index.html',
    '/app.js',
    '/__bridge/shim.js',
    '/__bridge/events',
    '/__bridge/test/clipboard',
  ];

  it('answers with the token over every loopback Host name with its port', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST']) {
      const answer = await invoke({ host: `${name}:${port}`, 'x-bridge-token': bridge.token });
      expect({ name, status: answer.status }).toEqual({ name, status: 200 });
      expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    }
  });

  it('refuses a request carrying the token when Host is not loopback (DNS rebinding)', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${port}`,
    ]) {
      const answer = await invoke({ host: hostHeader, 'x-bridge-token': bridge.token });
      expect({ hostHeader, status: answer.status }).toEqual({ hostHeader, status: 403 });
      expect(answer.body).not.toContain('"ok"');
      for (const path of everyPath()) {
        const get = await send(`${path}${path.includes('?') ? '&' : '?'}t=${bridge.token}`, {
          host: hostHeader,
        });
        expect({ hostHeader, path, status: get.status }).toEqual({ hostHeader, path, status: 403 });
      }
    }
  });

  it('refuses a request carrying the token from a foreign Origin', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${port}`,
      'null',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
    ]) {
      const answer = await invoke({ ...withToken(), origin });
      expect({ origin, status: answer.status }).toEqual({ origin, status: 403 });
    }
    expect((await invoke({ ...withToken(), origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('requires the token on every path, including the shim and the page assets', async () => {
    for (const path of everyPath()) {
      const answer = await send(path, { host: host() });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    expect((await invoke({ host: host() })).status).toBe(403);
    expect((await invoke({ host: host(), 'x-bridge-token': `${bridge.token}x` })).status).toBe(403);
  });

  it('lets the page opened with the token load its assets through the cookie it sets', async () => {
    const page = await send(`/?t=${bridge.token}`, { host: host() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('__bridge/shim.js');
    expect(page.cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = page.cookie!.split(';')[0]!;
    for (const path of ['/app.js', '/__bridge/shim.js', '/__bridge/events']) {
      const answer = await send(path, { host: host(), cookie });
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }
    expect((await send('/app.js', { host: host(), cookie: 'rk_bridge=wrong' })).status).toBe(403);
  });
});
