import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createCa, issueServerCert } from '../../rancher-sim/tls';

/**
 * A hostile front: a loopback HTTP(S) reverse proxy in front of a real server (normally the
 * Rancher simulator) that lets a test rewrite any response — status, headers, body — per request.
 * It stands in for a compromised Rancher server or a man in the middle that holds the certificate.
 *
 * ```ts
 * const sim = await startRancherSim();
 * const front = await startHostileFront({
 *   target: sim.origin,
 *   rewrite(req, res) {
 *     if (req.method === 'POST' && req.path === '/v3/tokens') {
 *       const body = JSON.parse(res.body);
 *       body.userId = 'u-other';
 *       res.body = JSON.stringify(body);
 *     }
 *   },
 * });
 * // point the client at front.url; afterwards inspect front.requests
 * await front.close();
 * ```
 *
 * The request reaches the target unchanged (so a rewritten create answer still created a real
 * token upstream, as it would on a real server). Occurrences of the target's origin in response
 * bodies and `Location` headers are replaced with the front's origin before `rewrite` runs, so
 * links point at the front. `Content-Length` is recomputed after the rewrite.
 */

/** The request as the client sent it (read-only for `rewrite`). */
export interface FrontRequest {
  method: string;
  /** Path and query as sent, e.g. `/v3/tokens?action=logout`. */
  url: string;
  /** `url` without the query. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text ('' when none). */
  body: string;
}

/** The upstream response; `rewrite` may change any field in place or return a replacement. */
export interface FrontResponse {
  status: number;
  /** Lower-case names; `content-length` is set from `body` after the rewrite. */
  headers: OutgoingHttpHeaders;
  body: string;
}

/**
 * Called once per request after the target answered. Mutate `res`, return a replacement, or
 * return `'reset'` to destroy the client's connection without an answer.
 */
export type Rewrite = (
  req: FrontRequest,
  res: FrontResponse,
) => void | FrontResponse | 'reset' | Promise<void | FrontResponse | 'reset'>;

/** Options of {@link startHostileFront}. */
export interface HostileFrontOptions {
  /** Origin of the real server, e.g. `sim.origin` (HTTP or HTTPS; its certificate is not checked). */
  target: string;
  /** Default: pass everything through unchanged. Replaceable later with `front.setRewrite`. */
  rewrite?: Rewrite;
  /** Serve HTTPS with a freshly generated CA (see `caPem`, `fingerprint256`); default false. */
  tls?: boolean;
}

/** One exchange as the client saw it (the rewritten answer). */
export interface FrontExchange {
  request: FrontRequest;
  response: FrontResponse | 'reset';
}

/** A running hostile front. */
export interface HostileFront {
  /** The front's origin (no path): give this to the client instead of the target's. */
  readonly url: string;
  /** PEM of the CA that signed the front's certificate (with `tls` only). */
  readonly caPem: string | undefined;
  /** SHA-256 fingerprint of the front's certificate (with `tls` only). */
  readonly fingerprint256: string | undefined;
  /** Every exchange so far, oldest first. */
  readonly requests: FrontExchange[];
  /** Replaces the rewrite for later requests (`undefined` = pass through). */
  setRewrite(rewrite: Rewrite | undefined): void;
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(target: URL, req: FrontRequest, body: Buffer): Promise<FrontResponse> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...req.headers, host: target.host };
  return new Promise((resolve, reject) => {
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        readAll(res).then(
          (data) =>
            resolve({
              status: res.statusCode ?? 502,
              headers: { ...res.headers },
              body: data.toString('utf8'),
            }),
          reject,
        );
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** Starts a hostile front on 127.0.0.1 in front of `options.target`. */
export async function startHostileFront(options: HostileFrontOptions): Promise<HostileFront> {
  const target = new URL(options.target);
  let rewrite = options.rewrite;
  const requests: FrontExchange[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readAll(req);
    const url = req.url ?? '/';
    const request: FrontRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      path: url.split('?')[0] ?? url,
      headers: req.headers,
      body: raw.toString('utf8'),
    };
    const upstream = await forward(target, request, raw);
    upstream.body = upstream.body.split(target.origin).join(origin);
    const location = upstream.headers.location;
    if (typeof location === 'string')
      upstream.headers.location = location.split(target.origin).join(origin);
    const outcome = (await rewrite?.(request, upstream)) ?? upstream;
    requests.push({ request, response: outcome });
    if (outcome === 'reset') {
      req.socket.destroy();
      return;
    }
    const headers: OutgoingHttpHeaders = { ...outcome.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(Buffer.byteLength(outcome.body));
    res.writeHead(outcome.status, headers);
    res.end(outcome.body);
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`hostile-front: ${String(error)}`);
    });
  };

  let server: Server;
  let caPem: string | undefined;
  let fingerprint256: string | undefined;
  if (options.tls) {
    const ca = await createCa({ fresh: true });
    const cert = await issueServerCert(ca);
    caPem = ca.certPem;
    fingerprint256 = cert.fingerprint256;
    server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, handler);
  } else {
    server = createHttpServer(handler);
  }
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url: origin,
    caPem,
    fingerprint256,
    requests,
    setRewrite(next) {
      rewrite = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
