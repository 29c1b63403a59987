import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate, readCredential } from './auth';
import type { RouteContext } from './context';
import { commonHeaders } from './errors';
import type { FaultPlan, FaultRegistry } from './faults';
import { defaultStatusBody } from './faults';
import type { SimReply, SimRequest } from './http-types';
import { linkBase, parseCookies } from './http-types';
import type { VersionProfile } from './profiles';
import { bodyLimitFor, route } from './router';
import type { SimState } from './state';
import type { TtlRule } from './ttl';

/** One line of the request log tests can inspect. */
export interface RequestRecord {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Status written, or 0 when a fault reset or hung the connection. */
  status: number;
  /** True once the connection closed before the answer was complete: the client gave up, or a fault dropped it. */
  abandoned?: boolean;
}

/** What the request handler needs from the simulator instance. */
export interface HandlerDeps {
  state: SimState;
  profile: VersionProfile;
  faults: FaultRegistry;
  tls: boolean;
  browserTraps: boolean;
  ttlRule: TtlRule;
  expiresAtDelayMs: number;
  autoPurge: boolean;
  log: RequestRecord[];
  /** Sockets held open by `hang` faults, destroyed on close. */
  hanging: Set<Socket>;
}

const LOG_LIMIT = 1000;
const HOUR = 3600_000;

function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }),
    );
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Creates the `(req, res)` handler shared by the HTTP and HTTPS servers. */
export function createHandler(
  deps: HandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  let lastPurge = deps.state.clock.now();
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`rancher-sim internal error: ${String(err)}`);
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://sim.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RequestRecord = { method, url: rawUrl, headers: req.headers, status: 0 };
    deps.log.push(record);
    res.once('close', () => {
      if (!res.writableFinished) record.abandoned = true;
    });
    if (deps.log.length > LOG_LIMIT) deps.log.splice(0, deps.log.length - LOG_LIMIT);

    const { body, tooLarge } = await readBody(req, bodyLimitFor(url.pathname));
    const plan = deps.faults.plan(method, url.pathname + url.search);
    if (plan.delayMs > 0) await sleep(plan.delayMs);

    // The purge daemon runs hourly (§4.9): expired tokens may vanish whenever an hour has passed.
    const now = deps.state.clock.now();
    if (deps.autoPurge && now - lastPurge >= HOUR) {
      deps.state.purgeExpired();
      lastPurge = now;
    }

    const simReq: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      cookies: parseCookies(req.headers.cookie),
      body,
      bodyTooLarge: tooLarge,
      browserTraps: deps.browserTraps,
      base: linkBase(req.headers, deps.tls, req.headers.host ?? '127.0.0.1'),
    };
    if (plan.action && applyEarlyFault(plan, req, res, simReq, deps)) return;

    const ctx: RouteContext = {
      req: simReq,
      state: deps.state,
      profile: deps.profile,
      ttlRule: deps.ttlRule,
      caller: undefined,
      expiresAtDelayMs: deps.expiresAtDelayMs,
    };
    const reply = await route(ctx);
    const authed =
      ctx.caller !== undefined ||
      (readCredential(simReq) !== undefined && !!authenticate(deps.state, simReq, false));
    reply.headers = { ...commonHeaders(authed), ...reply.headers };
    if (tooLarge) reply.headers.Connection = 'close';
    record.status = reply.status;
    await write(res, reply, plan);
  }
}

/** Faults that replace the response entirely; returns true when the request is dealt with. */
function applyEarlyFault(
  plan: FaultPlan,
  req: IncomingMessage,
  res: ServerResponse,
  simReq: SimRequest,
  deps: HandlerDeps,
): boolean {
  const action = plan.action;
  if (!action) return false;
  const base = commonHeaders(false);
  switch (action.kind) {
    case 'reset':
      req.socket.resetAndDestroy();
      return true;
    case 'hang':
      deps.hanging.add(req.socket);
      req.socket.once('close', () => deps.hanging.delete(req.socket));
      return true;
    case 'status': {
      const d = defaultStatusBody(action.status);
      res.writeHead(action.status, {
        ...base,
        'Content-Type': action.contentType ?? d.contentType,
      });
      res.end(action.body ?? d.body);
      return true;
    }
    case 'invalid-json':
      res.writeHead(200, { ...base, 'Content-Type': 'application/json' });
      res.end(action.body ?? '{"type":"collection","data":[{"id":"token-');
      return true;
    case 'html':
      res.writeHead(action.status ?? 200, { ...base, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        action.body ??
          '<!DOCTYPE html><html><head><title>Rancher</title></head><body><div id="app"></div></body></html>\n',
      );
      return true;
    case 'redirect': {
      const location = action.location.startsWith('/')
        ? `${simReq.base}${action.location}`
        : action.location;
      res.writeHead(action.status ?? 302, { ...base, Location: location });
      res.end();
      return true;
    }
    default:
      return false;
  }
}

/** Writes a reply, dribbling or truncating it when a fault says so. */
async function write(res: ServerResponse, reply: SimReply, plan: FaultPlan): Promise<void> {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  const action = plan.action;
  if (action?.kind === 'slow-body') {
    res.writeHead(reply.status, reply.headers);
    const step = Math.max(1, action.chunkBytes ?? 16);
    for (let i = 0; i < body.length; i += step) {
      if (res.destroyed) return;
      res.write(body.subarray(i, i + step));
      await sleep(action.intervalMs);
    }
    res.end();
    return;
  }
  if (action?.kind === 'truncated-json') {
    const cut = body.subarray(0, Math.floor(body.length * (action.fraction ?? 0.5)));
    if (action.abort) {
      res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
      res.write(cut, () => res.destroy());
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(cut);
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(body);
}
