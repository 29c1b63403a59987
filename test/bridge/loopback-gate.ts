import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie the bridge sets once the page was opened with its token, for the page's own assets. */
export const TOKEN_COOKIE = 'rk_bridge';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function tokensEqual(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * Why a request may not be answered, or null when it may. DNS rebinding lets a web page on any
 * site reach 127.0.0.1 under its own host name, so the token alone is not enough: the Host must be
 * a loopback name with our port, an Origin (when the browser sends one) must be that too, and every
 * path needs the token, from the `x-bridge-token` header, the `t` query parameter, or the cookie
 * set when the page itself was opened with it.
 */
export function refusal(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
): string | null {
  const allowed = new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
  if (!allowed.has((req.headers.host ?? '').toLowerCase())) return 'bad host';
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`)
  ) {
    return 'bad origin';
  }
  const header = req.headers['x-bridge-token'];
  const given = [
    typeof header === 'string' ? header : null,
    url.searchParams.get('t'),
    cookie(req, TOKEN_COOKIE),
  ];
  return given.some((value) => tokensEqual(value, token)) ? null : 'bad token';
}
