import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, EventPayload } from '../../electron/contract/ipc';
import type { Dispatch } from '../../electron/core/dispatch';
import { createLogger, type Logger } from '../../electron/core/log';
import { surviveUnhandledRejections } from '../../electron/core/process-guard';
import { createRendererGate } from '../../electron/main/ipc/renderer-gate';
import { refusal, TOKEN_COOKIE } from './loopback-gate';

const here = path.dirname(fileURLToPath(import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.json': 'application/json',
};
const MAX_BODY = 1024 * 1024;

export interface BridgeOptions {
  dispatch: Dispatch;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Extra token-protected GET routes for tests, e.g. `/__bridge/test/clipboard`. */
  testRoutes?: Record<string, () => unknown>;
  /** Where an unhandled rejection is logged (the bridge survives it, as the Electron shell does). */
  log?: Logger;
}

export interface Bridge {
  /** The page to open, with the token. */
  url: string;
  origin: string;
  token: string;
  /** Sends an event to the page; it waits (bounded) until the page has said `app:ready`. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /**
   * Opens `url` in a new tab of the browser showing the window (the demo's "system browser"):
   * a bridge-only message the shim turns into `window.open`. Only http(s) URLs.
   */
  openPage(url: string): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/**
 * The test bridge (design.md §5): serves the built renderer with a shim in place of the preload,
 * `invoke` over HTTP and events over SSE, on 127.0.0.1 only, behind a random token required on
 * every path, answering only loopback Host and Origin values (see loopback-gate.ts). Test- and
 * demo-only; it is not part of the packaged app.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const unguard = surviveUnhandledRejections(options.log ?? createLogger());
  const clients = new Set<ServerResponse>();
  // As in the shell: events wait for the page's app:ready (and an event stream to carry them).
  const gate = createRendererGate({
    target: () =>
      clients.size === 0
        ? null
        : {
            send(event, payload) {
              const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
              for (const client of clients) client.write(data);
            },
          },
  });
  gate.attach();
  const shim = await readFile(path.join(here, 'shim.js'));
  const rendererDir = path.resolve(options.rendererDir);

  async function serveStatic(res: ServerResponse, pathname: string) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'text/plain', 'Not found');
    if (relative === 'index.html') {
      const html = await readFile(file, 'utf8');
      const injected = html.replace(
        '<script type="module"',
        '<script src="./__bridge/shim.js"></script>\n    <script type="module"',
      );
      // The page's scripts and styles load without the query string: the cookie carries the token.
      return send(res, 200, types['.html']!, injected, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }
    try {
      const body = await readFile(file);
      return send(res, 200, types[path.extname(file)] ?? 'application/octet-stream', body);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const { pathname } = url;
      const refused = refusal(req, url, port, token);
      if (refused) {
        const hint = refused === 'bad token' ? ': open the URL printed by the bridge' : '';
        return send(res, 403, 'text/plain', `${refused}${hint}`);
      }
      if (pathname === '/__bridge/shim.js') return send(res, 200, types['.js']!, shim);
      if (pathname.startsWith('/__bridge/invoke/') && req.method === 'POST') {
        let input: unknown;
        try {
          input = await readBody(req);
        } catch {
          return send(res, 400, 'application/json', '{"error":"bad body"}');
        }
        const channel = decodeURIComponent(pathname.slice('/__bridge/invoke/'.length));
        const result = await options.dispatch(channel, input);
        if (channel === 'app:ready' && result.ok) gate.ready();
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      if (pathname === '/__bridge/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        clients.add(res);
        gate.flush();
        req.on('close', () => {
          clients.delete(res);
          // The last page went (a reload, or closed): the next one must say ready again.
          if (clients.size === 0) gate.reset();
        });
        return;
      }
      const routes = options.testRoutes;
      const testRoute = routes && Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (testRoute) {
        return send(res, 200, 'application/json', JSON.stringify(testRoute()));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
      return serveStatic(res, pathname);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Bridge error');
    });
  });

  let port = 0;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  ({ port } = server.address() as AddressInfo);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?t=${token}`,
    origin,
    token,
    emit(event, payload) {
      gate.send(event, payload);
    },
    openPage(url) {
      if (!/^https?:\/\//.test(url)) return;
      const data = `data: ${JSON.stringify({ event: 'bridge:openPage', payload: { url } })}\n\n`;
      for (const client of clients) client.write(data);
    },
    async close() {
      unguard();
      for (const client of clients) client.end();
      // A page still open would reconnect its EventSource and keep the server open: cut every
      // connection rather than wait for them.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
