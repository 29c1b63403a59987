import type { Readable } from 'node:stream';
import type { AxiosInstance, AxiosStatic } from 'axios';
import type { z } from 'zod';
import { AppFailure } from '../app-failure';
import {
  badBodyFailure,
  cancelledFailure,
  certificateFailure,
  htmlFailure,
  networkFailure,
  redirectFailure,
  statusFailure,
  timeoutFailure,
  type FailureContext,
} from './failures';
import { proxyConnectionFailure, proxyInUse } from '../network/connection-failures';
import { createDialer } from '../network/dial';
import { createNetworkAgent } from '../network/network-agent';
import type { NetworkPolicy } from '../network/network-policy';
import { interceptionFailure } from '../network/proxy-failures';
import type { TlsTrust } from './rancher-client';
import {
  createAgent,
  fetchPeerCertificate,
  isCertificateError,
  normaliseFingerprint,
  PIN_MISMATCH,
  type PeerCertificate,
} from './tls';
import { bearerValues } from './secret-echo';
import { streamGet } from './stream-get';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request to the server, relative to its origin. */
export interface HttpRequest {
  method: Method;
  /** Path and query, e.g. `/v3/tokens?action=logout`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` instead of `body` (an identity provider's OAuth endpoints). */
  form?: Readonly<Record<string, string>>;
  contentType?: string;
  /** `name:secret` to send as `Authorization: Bearer`; omitted or null = anonymous. A secret. */
  bearer?: string | null;
  /** Statuses handed back to the caller instead of being mapped to a failure (e.g. 404). */
  passStatuses?: readonly number[];
  /**
   * Hands a 2xx JSON body to a sink as its bytes arrive instead of buffering it as text (lists of
   * tens of thousands of tokens, up to {@link STREAM_LIMIT}); a new sink for each attempt, so a
   * retry starts afresh. The response's `body` is then empty. Other statuses are read as text.
   */
  consume?: () => BodySink;
  /** Other secrets the request carries (a password): never shown back, whatever the server says. */
  secrets?: readonly string[];
  /**
   * The caller's cancellation (a sign-in being cancelled): once it aborts, nothing more is sent,
   * a request in flight is aborted, none is retried, and the request fails with
   * {@link cancelledFailure}.
   */
  signal?: AbortSignal;
}

/** Largest streamed body: 100,000 tokens of about 1 KB (a real user's largest list) and slack. */
export const STREAM_LIMIT = 128 * 1024 * 1024;

/** Where {@link HttpRequest.consume} sends a streamed body (json-items.ts reads token lists). */
export interface BodySink {
  /** The next bytes of the (decompressed) body. Throwing fails the request. */
  write(chunk: Buffer): void;
  /** The body is complete. Throws (an AppFailure) when it is not one the sink can read. */
  end(): void;
}

/**
 * Reads `stream` to its end, handing each chunk to `onChunk` as it arrives; fails once more than
 * `limit` bytes arrived, when `onChunk` throws, and when the stream errors or closes before its
 * end (`ERR_STREAM_PREMATURE_CLOSE`, as Node's own stream helpers report it). Plain listeners, not
 * an async iterator: a refresh reads 40 bodies at once, and a promise per chunk through two
 * generators was a measurable part of what the core added to it (bench/RESULTS.md, "Refresh,
 * fifth pass").
 */
function readStream(
  stream: Readable,
  limit: number,
  tooLarge: () => AppFailure,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    // Bytes: no encoding is set on these streams (Node's response, zlib's output, axios's stream).
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return fail(tooLarge());
      try {
        onChunk(chunk);
      } catch (error) {
        fail(error);
      }
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    stream.on('error', fail);
    stream.on('close', () =>
      fail(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })),
    );
  });
}

export interface HttpResponse {
  status: number;
  body: string;
  contentType: string;
}

/** HTTP to one Rancher server, with every failure already mapped to a contract code. */
export interface Transport {
  readonly origin: string;
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Parses a JSON body with `schema`; HTML, broken JSON and wrong shapes are `server_error`. */
  json<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S>;
  /** The certificate the server presents, read unverified over the same route as requests. */
  peerCertificate(): Promise<PeerCertificate>;
}

export interface TransportOptions {
  origin: string;
  tls: TlsTrust;
  timeoutMs: number;
  connectTimeoutMs: number;
  appVersion: string;
  /** Retries for idempotent GETs (default 2). */
  retries?: number;
  /** Base backoff between retries (default 150 ms, doubled each time). */
  backoffMs?: number;
  /** Proxy routing and the OS trust store; omitted = direct, Node's roots. */
  network?: NetworkPolicy | undefined;
  /** Largest buffered answer (default 32 MiB); a larger one fails as a damaged answer. */
  maxBodyBytes?: number;
}

/**
 * A path that stays under the origin: one leading `/`, then no `//` anywhere and no dot segment
 * (`/.//host:port/` normalises to `//host:port/`, which HTTP clients read as another host), no
 * backslash and no control character.
 */
export function isOriginPath(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/') || pathname.includes('//')) return false;
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return false;
  }
  return !pathname.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** Statuses worth another try for a GET: a proxy or the server restarting. */
const retryStatuses = new Set([502, 503, 504]);
/** Network codes worth another try for a GET: a dropped or refused connection. */
const retryCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ERR_SOCKET_CLOSED']);

/** What the transport reads of an answer, from axios or from {@link streamGet}. */
interface Received<Data> {
  status: number;
  headers: Readonly<Record<string, unknown>>;
  data: Data;
}
type Answer = Received<string>;

/** A header's text ('' when absent or not text). */
function headerText(headers: Answer['headers'], name: string): string {
  const value = headers[name];
  return typeof value === 'string' ? value : '';
}

class RetryableStatus extends Error {
  constructor(readonly response: Answer) {
    super('retryable status');
  }
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_BAD_REQUEST') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * axios is loaded on the first request, not with the core: with what it pulls in (Node's fetch,
 * form-data and its MIME database) it was a third of the bundle's loading time, and start only
 * needs the cached lists (bench/RESULTS.md, Core).
 */
let axiosModule: Promise<AxiosStatic> | null = null;
function loadAxios(): Promise<AxiosStatic> {
  axiosModule ??= import('axios').then(
    (module) => module.default,
    (error: unknown) => {
      axiosModule = null;
      throw error;
    },
  );
  return axiosModule;
}

/**
 * The transport of one server (axios over a per-server agent). Always sends
 * `Accept: application/json` and `User-Agent: rancher-keys/<version>` (a browser-like agent gets
 * HTML and CSRF errors from Rancher, rancher-api.md §1.3). Never follows a redirect to another
 * origin (credentials stay with the server); a redirect within the origin is followed once, for
 * GETs only. GETs are retried (bounded, with backoff) on dropped connections and 502/503/504;
 * other methods are never retried, since Rancher may have acted on them.
 */
export function createTransport(options: TransportOptions): Transport {
  const { origin, timeoutMs } = options;
  const ctx: FailureContext = { origin };
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 150;
  const { network } = options;
  const dialer = network ? createDialer(network) : null;
  const agent =
    network && dialer
      ? createNetworkAgent(origin, options.tls, options.connectTimeoutMs, network, dialer)
      : createAgent(origin, options.tls, options.connectTimeoutMs);
  const peerCertificate = () =>
    fetchPeerCertificate(origin, options.connectTimeoutMs, dialer ? dialer.dial : undefined);
  const defaultHeaders = {
    Accept: 'application/json',
    'User-Agent': `rancher-keys/${options.appVersion}`,
  };
  let client: Promise<AxiosInstance> | null = null;
  const makeClient = (axios: AxiosStatic): AxiosInstance =>
    axios.create({
      baseURL: origin,
      // Every URL is the origin plus a path: a path such as `//host/` or `http://host/` must never
      // be taken as a URL of its own (axios would otherwise send the credential there).
      allowAbsoluteUrls: false,
      adapter: 'http',
      maxRedirects: 0,
      // Environment proxies are not honoured: a proxy would see every credential in clear for HTTP.
      proxy: false,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: options.maxBodyBytes ?? 32 * 1024 * 1024,
      httpAgent: agent,
      httpsAgent: agent,
      headers: defaultHeaders,
    });
  const clientOf = (): Promise<AxiosInstance> => (client ??= loadAxios().then(makeClient));

  async function mapNetworkError(error: unknown, timedOut: boolean): Promise<AppFailure> {
    if (timedOut) return timeoutFailure(ctx, timeoutMs);
    const viaProxy = proxyConnectionFailure(error, ctx);
    if (viaProxy) return viaProxy;
    const code = errorCode(error);
    if (isCertificateError(code)) {
      const pin = options.tls.fingerprint256
        ? normaliseFingerprint(options.tls.fingerprint256)
        : null;
      const proxy = await proxyInUse(network, origin);
      const peer = await peerCertificate().catch(() => null);
      const changed = peer
        ? pin !== null && peer.info.fingerprint256 !== pin
        : code === PIN_MISMATCH;
      if (proxy) return interceptionFailure(ctx, proxy, peer?.info, peer?.issuer?.info, changed);
      return certificateFailure(ctx, peer?.info, changed, code);
    }
    if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      return badBodyFailure(ctx, 'invalid');
    }
    if (code === 'ERR_FR_MAX_CONTENT_LENGTH_EXCEEDED') {
      return badBodyFailure(ctx, 'invalid');
    }
    return networkFailure(code, ctx);
  }

  /**
   * A streamed GET (the token lists) straight on Node's http over the same agent (stream-get.ts):
   * axios's CPU per request was most of the time a refresh took to send its requests.
   */
  async function streamed(
    path: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Received<Readable>> {
    const response = await streamGet(new URL(origin + path), {
      agent,
      headers: { ...defaultHeaders, ...headers },
      signal,
    });
    return { status: response.status, headers: response.headers, data: response.body };
  }

  async function attempt(request: HttpRequest, path: string): Promise<Answer> {
    const outer = request.signal;
    if (outer?.aborted) throw cancelledFailure(outer);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCancel = () => controller.abort();
    outer?.addEventListener('abort', onCancel, { once: true });
    try {
      const headers: Record<string, string> = {};
      if (request.bearer) headers.Authorization = `Bearer ${request.bearer}`;
      if (request.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      else if (request.body !== undefined)
        headers['Content-Type'] = request.contentType ?? 'application/json';
      const plainGet =
        request.method === 'GET' && request.body === undefined && request.form === undefined;
      const response: Received<string | Readable> =
        request.consume && plainGet
          ? await streamed(path, headers, controller.signal)
          : await (
              await clientOf()
            ).request<string | Readable>({
              method: request.method,
              url: path,
              headers,
              data:
                request.form !== undefined
                  ? new URLSearchParams(request.form).toString()
                  : request.body === undefined
                    ? undefined
                    : JSON.stringify(request.body),
              signal: controller.signal,
              ...(request.consume ? { responseType: 'stream', maxContentLength: -1 } : {}),
            });
      if (typeof response.data !== 'string') {
        const stream: Readable = response.data;
        controller.signal.addEventListener('abort', () => stream.destroy(), { once: true });
        const html = /text\/html/i.test(headerText(response.headers, 'content-type'));
        const tooLarge = () => badBodyFailure(ctx, 'invalid');
        if (request.consume && response.status >= 200 && response.status < 300 && !html) {
          const sink = request.consume();
          await readStream(stream, STREAM_LIMIT, tooLarge, (chunk) => sink.write(chunk));
          sink.end();
          return { status: response.status, headers: response.headers, data: '' };
        }
        const chunks: Buffer[] = [];
        await readStream(stream, STREAM_LIMIT, tooLarge, (chunk) => chunks.push(chunk));
        return {
          status: response.status,
          headers: response.headers,
          data: Buffer.concat(chunks).toString('utf8'),
        };
      }
      return { status: response.status, headers: response.headers, data: response.data };
    } catch (error) {
      if (outer?.aborted) throw cancelledFailure(outer);
      if (error instanceof AppFailure && !timedOut) throw error;
      throw Object.assign(await mapNetworkError(error, timedOut), { retryCode: errorCode(error) });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onCancel);
    }
  }

  async function withRetries(request: HttpRequest, path: string): Promise<Answer> {
    const tries = request.method === 'GET' ? retries + 1 : 1;
    for (let n = 0; ; n++) {
      try {
        const response = await attempt(request, path);
        if (n + 1 < tries && retryStatuses.has(response.status))
          throw new RetryableStatus(response);
        return response;
      } catch (error) {
        const retryable =
          !request.signal?.aborted &&
          (error instanceof RetryableStatus ||
            retryCodes.has((error as { retryCode?: string }).retryCode ?? ''));
        if (!retryable || n + 1 >= tries) throw error;
        await sleep(backoffMs * 2 ** n);
        if (request.signal?.aborted) throw cancelledFailure(request.signal);
      }
    }
  }

  async function request(request: HttpRequest): Promise<HttpResponse> {
    let path = request.path;
    if (!isOriginPath(path)) {
      throw new AppFailure(
        'invalid_input',
        `Refused to send a request outside ${new URL(origin).host}: the path is not a plain path on the server.`,
      );
    }
    for (let redirects = 0; ; redirects++) {
      const response = await withRetries(request, path);
      const status = response.status;
      if (status >= 300 && status < 400) {
        const location =
          typeof response.headers.location === 'string' ? response.headers.location : null;
        let target: URL | null;
        try {
          target = location ? new URL(location, origin + path) : null;
        } catch {
          target = null;
        }
        // Within the origin and for a GET only: follow once. Anything else is reported, never followed.
        if (
          target &&
          target.origin === origin &&
          isOriginPath(target.pathname) &&
          request.method === 'GET' &&
          redirects === 0
        ) {
          path = target.pathname + target.search;
          continue;
        }
        throw redirectFailure(ctx, location);
      }
      const body = typeof response.data === 'string' ? response.data : '';
      const contentType = headerText(response.headers, 'content-type');
      if ((status >= 200 && status < 300) || request.passStatuses?.includes(status)) {
        return { status, body, contentType };
      }
      throw statusFailure(status, body, {
        ...ctx,
        secrets: [...bearerValues(request.bearer), ...(request.secrets ?? [])],
      });
    }
  }

  function json<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> {
    const trimmed = response.body.trimStart();
    if (/text\/html/i.test(response.contentType) || trimmed.startsWith('<')) throw htmlFailure(ctx);
    let value: unknown;
    try {
      value = JSON.parse(response.body);
    } catch {
      throw badBodyFailure(ctx, 'invalid');
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw badBodyFailure(ctx, 'unexpected');
    return parsed.data;
  }

  return { origin, request, json, peerCertificate };
}
