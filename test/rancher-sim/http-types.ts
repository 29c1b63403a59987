import type { IncomingHttpHeaders } from 'node:http';

/** A response before it is written; faults and browser traps transform it. */
export interface SimReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

/** A request with its body already read (up to the route's cap). */
export interface SimRequest {
  method: string;
  /** Path without query, as sent. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  body: Buffer;
  /** The body exceeded the cap of the route (§1.5). */
  bodyTooLarge: boolean;
  /** Whether the browser traps of §1.3 are armed on this server. */
  browserTraps: boolean;
  /** `<scheme>://<host>` used in links (N:urlbuilder/url.go). */
  base: string;
}

/** Parses a `Cookie` header; the first occurrence of a name wins, as Go's `Request.Cookie`. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Link base from `X-Forwarded-Proto` / `X-API-Host` / `X-Forwarded-Host` / `Host` (§4.2). */
export function linkBase(headers: IncomingHttpHeaders, tls: boolean, fallbackHost: string): string {
  const first = (v: string | string[] | undefined): string | undefined =>
    (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim() || undefined;
  const proto = first(headers['x-forwarded-proto']) ?? (tls ? 'https' : 'http');
  const host =
    first(headers['x-api-host']) ??
    first(headers['x-forwarded-host']) ??
    first(headers.host) ??
    fallbackHost;
  return `${proto}://${host}`;
}
