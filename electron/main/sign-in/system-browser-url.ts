/** Host names that name this machine's loopback interface (as WHATWG URL spells them). */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL main hands to the OS browser for a sign-in, or null when it must not be opened: it must
 * parse, carry no credentials, and be `https:`, or `http:` on a loopback host (a local fake IdP,
 * or a server set up on this machine). Returned re-serialised by the URL parser, so what the OS
 * sees is exactly what was checked. The core builds these URLs from validated parts (the server's
 * origin, the provider object's endpoints); this is the shell's last check before leaving the app.
 */
export function systemBrowserUrl(raw: string): string | null {
  if (raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return url.href;
  return null;
}
