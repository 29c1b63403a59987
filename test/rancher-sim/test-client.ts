import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RancherSim } from './index';

/** A response as the conformance tests see it. */
export interface SimResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed body; throws if the body is not JSON. */
  json<T = Record<string, unknown>>(): T;
}

/** Options of {@link call}. */
export interface CallOptions {
  /** Bearer credential; sent as `Authorization: Bearer …`. */
  bearer?: string;
  headers?: Record<string, string>;
  /** Objects are JSON-encoded; strings and buffers are sent as-is. */
  body?: unknown;
  /** Trust this CA instead of the simulator's. */
  ca?: string;
}

/**
 * One real HTTP(S) request to the simulator, without keep-alive so that tests never share
 * connections (certificate rotation and faults depend on that).
 */
export function call(
  sim: RancherSim,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<SimResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.bearer) headers.Authorization = `Bearer ${opts.bearer}`;
  let payload: Buffer | undefined;
  if (opts.body !== undefined) {
    payload =
      typeof opts.body === 'string'
        ? Buffer.from(opts.body)
        : Buffer.isBuffer(opts.body)
          ? opts.body
          : Buffer.from(JSON.stringify(opts.body));
    headers['Content-Type'] ??= 'application/json';
  }
  const url = new URL(path, sim.url);
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    };
    const req = sim.tls
      ? httpsRequest(url, { method, headers, agent: false, ca: opts.ca ?? sim.caPem }, onResponse)
      : httpRequest(url, { method, headers, agent: false }, onResponse);
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** `Basic` header value for `name:secret` (standard base64 with padding). */
export function basic(credential: string): string {
  return `Basic ${Buffer.from(credential).toString('base64')}`;
}
