import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * A streamed GET straight on Node's `http`/`https`, for the token lists (`HttpRequest.consume`).
 *
 * A refresh sends two list requests per server at once; axios spent about 0.2 ms of CPU on each
 * (merging its configuration, normalising headers, wrapping streams) before the request left, so
 * with 20 servers the last request went out several ms after the first, and every answer came
 * that much later (bench/RESULTS.md, "Refresh, third pass"). This does what axios did for these
 * requests and nothing more: the same agent (TLS trust, pins, proxies, connect timeout, kept-alive
 * sockets shared with axios's requests), the same headers, no redirect followed (the caller sees
 * the 3xx, as with axios's `maxRedirects: 0`), no environment proxy, abort through `signal`, and
 * the body decompressed as axios decompressed it. Errors are Node's own (`code` as axios passed
 * it on), so the transport maps them as before.
 */

export interface StreamedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The (decompressed) body; the caller must read it to the end or destroy it. */
  body: Readable;
}

/** What axios asked for and could decode (`compress` left out: nothing here decodes LZW). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * The body as sent, or through the decoder its `Content-Encoding` names. As axios: a body cut short
 * after a complete block is handed on, not failed here; the JSON reading after it fails a truncated
 * body. zlib is read only here, so that main's bundle loads it on the first compressed answer, not
 * at start (scripts/lazy-builtins.mjs).
 */
function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const unzip = encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate';
  if (!unzip && encoding !== 'br') return response;
  const { Z_SYNC_FLUSH, BROTLI_OPERATION_FLUSH } = zlib.constants;
  const decoder = unzip
    ? zlib.createUnzip({ flush: Z_SYNC_FLUSH, finishFlush: Z_SYNC_FLUSH })
    : zlib.createBrotliDecompress({
        flush: BROTLI_OPERATION_FLUSH,
        finishFlush: BROTLI_OPERATION_FLUSH,
      });
  delete response.headers['content-encoding'];
  return pipeline(response, decoder, () => undefined);
}

/** The error an aborted request fails with: Node's own `AbortError` shape. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
  });
}

/** Sends a GET of `url` with `headers` over `agent`; resolves once the status and headers are in. */
export function streamGet(
  url: URL,
  options: { agent: http.Agent; headers: Readonly<Record<string, string>>; signal: AbortSignal },
): Promise<StreamedResponse> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'GET',
        agent: options.agent,
        headers: { 'Accept-Encoding': ACCEPT_ENCODING, ...options.headers },
      },
      (response) => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: decoded(response),
        });
      },
    );
    request.on('error', reject);
    // Aborting destroys the request (and the answer being read) as Node's `signal` option would;
    // one listener on the attempt's own signal instead of that option's stream bookkeeping, which
    // was a fifth of the CPU a refresh spends sending its 40 requests (bench/RESULTS.md, "Refresh,
    // fifth pass").
    const { signal } = options;
    if (signal.aborted) request.destroy(abortError(signal));
    else
      signal.addEventListener('abort', () => request.destroy(abortError(signal)), { once: true });
    request.end();
  });
}
