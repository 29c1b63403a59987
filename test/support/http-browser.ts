import type { SystemBrowser } from '../../electron/core/sign-in-ports';
import { autoSubmit, createCookieJar } from './http-journey';

/** One page the browser visited. */
export interface Visit {
  method: string;
  url: string;
  status: number;
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
  const jar = createCookieJar();
  const opened: string[] = [];
  const visits: Visit[] = [];
  const errors: string[] = [];
  let journeys: Promise<void> = Promise.resolve();

  async function walk(start: string): Promise<void> {
    let method = 'GET';
    let url = new URL(start);
    let body: string | undefined;
    for (let step = 0; step < 20; step++) {
      if (browser.stopAt && url.href.startsWith(browser.stopAt)) return;
      const target = new URL(url);
      if (target.hostname === 'localhost') target.hostname = browser.localhostAddress;
      const headers: Record<string, string> = { 'User-Agent': 'Mozilla/5.0 (test browser)' };
      const cookie = jar.header(url);
      if (cookie) headers.Cookie = cookie;
      if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(target, { method, headers, body, redirect: 'manual' });
      visits.push({ method, url: url.href, status: res.status });
      jar.keep(url, res.headers.getSetCookie());
      const text = await res.text();
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        method = 'GET';
        body = undefined;
        continue;
      }
      const next = autoSubmit(text, url);
      if (!next) return;
      url = next.url;
      method = 'POST';
      body = next.body;
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
