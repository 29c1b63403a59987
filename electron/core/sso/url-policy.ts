import { AppFailure } from '../app-failure';

/** Loopback hosts, where plain HTTP cannot be read by anyone else on the network. */
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Parses a URL the app will open or call for sign-in: `https:`, or `http:` on loopback only (the
 * simulator, a local test IdP); no credentials in it. Null when it is not acceptable.
 */
export function parseSignInUrl(raw: string | null | undefined): URL | null {
  if (!raw || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && loopback.has(url.hostname)) return url;
  return null;
}

/**
 * Checks a URL before the system browser opens it (rancher-sso.md §8): acceptable per
 * {@link parseSignInUrl} and on one of `hosts` (the server's, or an IdP's named by the server's
 * provider object). Throws otherwise, naming neither the URL's query nor anything secret.
 */
export function browserUrl(raw: string, hosts: readonly string[]): string {
  const url = parseSignInUrl(raw);
  if (!url || !hosts.includes(url.host)) {
    throw new AppFailure(
      'server_error',
      'The sign-in page is not on the server or its identity provider, so Rancher Keys did not open it.',
    );
  }
  return url.href;
}
