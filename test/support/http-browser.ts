import type { SystemBrowser } from '../../electron/core/sign-in-ports';

/** One page the browser visited. */
export interface Visit {
  method: string;
  url: string;
  status: number;
}

interface Cookie {
  host: string;
  name: string;
  value: string;
  path: string;
  expiresMs: number | null;
}

/**
 * The "system browser" of single sign-on tests: a SystemBrowser whose `open` walks the journey with
 * plain HTTP, as a user clicking through would. It follows redirects, keeps cookies (host, path,
 * Max-Age), and submits a form marked `data-auto-submit` (what the simulator's pages and the fake
 * IdP auto-submit with script in a real browser). `localhost` is reached on 127.0.0.1 unless
 * `localhostAddress` says `[::1]` (a browser on an IPv6-first host). `open` resolves at once, like a real browser; `idle()` waits for the journey.
 */
export function createHttpBrowser(): SystemBrowser & {
  readonly opened: string[];
  readonly visits: Visit[];
  readonly errors: string[];
  idle(): Promise<void>;
  /** Stops following after the page at this URL prefix (the user walks away). */
  stopAt: string | null;
  /** Where `localhost` goes: `127.0.0.1` (default) or `[::1]`. */
  localhostAddress: string;
} {
  const cookies: Cookie[] = [];
  const opened: string[] = [];
  const visits: Visit[] = [];
  const errors: string[] = [];
  let journeys: Promise<void> = Promise.resolve();

  function cookieHeader(url: URL): string {
    const now = Date.now();
    return cookies
      .filter(
        (c) =>
          c.host === url.host &&
          url.pathname.startsWith(c.path) &&
          (c.expiresMs === null || c.expiresMs > now),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  function keep(url: URL, setCookie: string[]): void {
    for (const line of setCookie) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) continue;
      const cookie: Cookie = {
        host: url.host,
        name: pair.slice(0, eq).trim(),
        value: pair.slice(eq + 1).trim(),
        path: '/',
        expiresMs: null,
      };
      for (const attr of attrs) {
        const [k, v] = attr.split('=').map((s) => s.trim());
        if (k?.toLowerCase() === 'path' && v) cookie.path = v;
        if (k?.toLowerCase() === 'max-age' && v) cookie.expiresMs = Date.now() + Number(v) * 1000;
      }
      const at = cookies.findIndex(
        (c) => c.host === cookie.host && c.name === cookie.name && c.path === cookie.path,
      );
      if (at >= 0) cookies.splice(at, 1);
      cookies.push(cookie);
    }
  }

  const decode = (s: string) =>
    s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

  async function walk(start: string): Promise<void> {
    let method = 'GET';
    let url = new URL(start);
    let body: string | undefined;
    for (let step = 0; step < 20; step++) {
      if (browser.stopAt && url.href.startsWith(browser.stopAt)) return;
      const target = new URL(url);
      if (target.hostname === 'localhost') target.hostname = browser.localhostAddress;
      const headers: Record<string, string> = { 'User-Agent': 'Mozilla/5.0 (test browser)' };
      const cookie = cookieHeader(url);
      if (cookie) headers.Cookie = cookie;
      if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(target, { method, headers, body, redirect: 'manual' });
      visits.push({ method, url: url.href, status: res.status });
      keep(url, res.headers.getSetCookie());
      const text = await res.text();
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        method = 'GET';
        body = undefined;
        continue;
      }
      const form = /<form\b([^>]*\bdata-auto-submit\b[^>]*)>([\s\S]*?)<\/form>/i.exec(text);
      if (!form) return;
      const action = /\baction="([^"]*)"/i.exec(form[1] ?? '')?.[1] ?? url.href;
      const fields = new URLSearchParams();
      for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
        const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
        const value = /\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? '';
        if (name) fields.append(decode(name), decode(value));
      }
      url = new URL(decode(action), url);
      method = 'POST';
      body = fields.toString();
    }
  }

  const browser = {
    opened,
    visits,
    errors,
    stopAt: null as string | null,
    localhostAddress: '127.0.0.1',
    open(url: string): Promise<void> {
      opened.push(url);
      journeys = journeys.then(() =>
        walk(url).catch((error: unknown) => {
          errors.push(String(error));
        }),
      );
      return Promise.resolve();
    },
    idle: () => journeys,
  };
  return browser;
}
