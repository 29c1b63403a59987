/**
 * What the plain-HTTP test browsers share (http-browser.ts, the system browser; and
 * http-embedded-window.ts, the embedded sign-in window): a cookie jar that honours host, path,
 * Max-Age and Secure, and the "user's click" on a page: the form marked `data-auto-submit` (what
 * the simulator's pages and the fake IdPs mark as the choice a user makes; in a real browser a
 * person clicks it, or the page's script submits it).
 */

interface Cookie {
  host: string;
  name: string;
  value: string;
  path: string;
  secure: boolean;
  expiresMs: number | null;
}

/** A browser's cookie store. */
export function createCookieJar() {
  const cookies: Cookie[] = [];
  const live = (c: Cookie) => c.expiresMs === null || c.expiresMs > Date.now();
  return {
    /** The `Cookie` header for a request to `url`. */
    header(url: URL): string {
      return cookies
        .filter(
          (c) =>
            c.host === url.host &&
            url.pathname.startsWith(c.path) &&
            (!c.secure || url.protocol === 'https:') &&
            live(c),
        )
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
    /** Keeps the `Set-Cookie` lines of a response from `url`. */
    keep(url: URL, setCookie: string[]): void {
      for (const line of setCookie) {
        const [pair, ...attrs] = line.split(';');
        const eq = pair?.indexOf('=') ?? -1;
        if (!pair || eq <= 0) continue;
        const cookie: Cookie = {
          host: url.host,
          name: pair.slice(0, eq).trim(),
          value: pair.slice(eq + 1).trim(),
          path: '/',
          secure: false,
          expiresMs: null,
        };
        for (const attr of attrs) {
          const [k, v] = attr.split('=').map((s) => s.trim());
          if (k?.toLowerCase() === 'path' && v) cookie.path = v;
          if (k?.toLowerCase() === 'max-age' && v) cookie.expiresMs = Date.now() + Number(v) * 1000;
          if (k?.toLowerCase() === 'secure') cookie.secure = true;
        }
        // A Secure cookie from a plain-http page is dropped, as browsers do.
        if (cookie.secure && url.protocol !== 'https:') continue;
        const at = cookies.findIndex(
          (c) => c.host === cookie.host && c.name === cookie.name && c.path === cookie.path,
        );
        if (at >= 0) cookies.splice(at, 1);
        cookies.push(cookie);
      }
    },
    /** A live cookie's value by name, as `session.cookies.get({url, name})` finds it. */
    get(url: URL, name: string): string | null {
      const found = cookies.find(
        (c) =>
          c.name === name &&
          c.host === url.host &&
          url.pathname.startsWith(c.path) &&
          (!c.secure || url.protocol === 'https:') &&
          live(c),
      );
      return found?.value ?? null;
    },
    clear(): void {
      cookies.length = 0;
    },
  };
}

const decode = (s: string) =>
  s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** The page's `data-auto-submit` form as the request it makes; null when the page has none. */
export function autoSubmit(html: string, page: URL): { url: URL; body: string } | null {
  const form = /<form\b([^>]*\bdata-auto-submit\b[^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const action = /\baction="([^"]*)"/i.exec(form[1] ?? '')?.[1] ?? page.href;
  const fields = new URLSearchParams();
  for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? '';
    if (name) fields.append(decode(name), decode(value));
  }
  return { url: new URL(decode(action), page), body: fields.toString() };
}
