import type { EmbeddedStop } from '../sign-in-ports';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Rancher's pages an IdP's answer passes through (rancher-sso.md D2; verify.vue). */
const callbackPaths = new Set(['/verify-auth', '/verify-auth-azure', '/dashboard/auth/verify']);

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.username || url.password ? null : url;
  } catch {
    return null;
  }
}

/**
 * Whether the embedded window may go to `raw` at all (rancher-sso.md §8): `https:`, or plain
 * `http:` to the server itself when that is a loopback server (a local simulator). Everything
 * else (`http:` elsewhere, `javascript:`, `data:`, `file:`, custom schemes, credentials in the
 * URL) is refused. Which hosts it may reach is {@link createEmbeddedNavigation}'s business.
 */
export function navigationAllowed(raw: string, serverOrigin: string): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === 'https:') return true;
  const server = new URL(serverOrigin);
  return url.protocol === 'http:' && url.origin === server.origin && loopback.has(server.hostname);
}

/**
 * Whether Google-style IdPs refused the window for being embedded (`disallowed_useragent`):
 * an `error=` parameter saying so, or Google's error page, whose `authError` parameter is the
 * error as base64 (a protobuf whose first field is the error name; Google's page format is
 * **UNCONFIRMED**, rancher-sso.md §5).
 */
function refusedEmbedded(url: URL): boolean {
  if (url.searchParams.get('error') === 'disallowed_useragent') return true;
  const authError = url.searchParams.get('authError');
  if (!authError) return false;
  const decoded = Buffer.from(authError.slice(0, 4096), 'base64').toString('latin1');
  return decoded.includes('disallowed_useragent');
}

/** The hosts (`host[:port]`) of the https URLs among `urls` (provider-list fields). */
export function hostsOf(urls: ReadonlyArray<string | null | undefined>): string[] {
  const hosts: string[] = [];
  for (const raw of urls) {
    const url = raw ? parse(raw) : null;
    if (url && (url.protocol === 'https:' || loopback.has(url.hostname))) hosts.push(url.host);
  }
  return hosts;
}

/**
 * The embedded window's navigation rule and page verdict for one run (rancher-sso.md §5
 * D-harvest, §8). The main frame may go only to `https:` pages on the server, on a host the
 * server's provider list names (the IdP's authorize URL), or on a host a page or redirect of the
 * server itself sent it to (2.14's `/v1-oidc/<id>` names the IdP only in its redirect). A page of
 * the main frame ends the run when:
 * - it is on a host outside those (`blocked`: the run stops rather than strand the user);
 * - the IdP refused an embedded browser (`disallowed_useragent`, Google);
 * - the IdP sent Rancher's callback an `error` (`denied` for `access_denied`, else `idp_error`);
 * - Rancher's login page shows an error (`err`/`errorCode`): Rancher could not complete it.
 * State lives in the returned object, so each run gets its own.
 */
export function createEmbeddedNavigation(serverOrigin: string, providerHosts: readonly string[]) {
  const server = new URL(serverOrigin);
  const allowedHosts = new Set<string>([server.host, ...providerHosts]);

  function allow(raw: string, from: string | null = null): boolean {
    const url = parse(raw);
    if (!url || !navigationAllowed(raw, server.origin)) return false;
    if (allowedHosts.has(url.host)) return true;
    const source = from ? parse(from) : null;
    if (source?.origin !== server.origin) return false;
    // The server sent the window there: its IdP, as far as this run is concerned.
    allowedHosts.add(url.host);
    return true;
  }

  function verdict(raw: string, from: string | null = null): EmbeddedStop | null {
    const url = parse(raw);
    if (!url || !allow(raw, from)) {
      return { kind: 'blocked', host: (url?.host ?? '').slice(0, 253) };
    }
    if (refusedEmbedded(url)) return { kind: 'disallowed_useragent' };
    if (url.origin !== server.origin) return null;
    const error = url.searchParams.get('error');
    if (callbackPaths.has(url.pathname) && error) {
      return { kind: error === 'access_denied' ? 'denied' : 'idp_error' };
    }
    const onLogin = url.pathname === '/dashboard/auth/login' || url.pathname === '/login';
    if (onLogin && (url.searchParams.has('err') || url.searchParams.has('errorCode'))) {
      return { kind: 'rancher_error' };
    }
    return null;
  }

  return {
    allow,
    verdict,
    /** The hosts allowed so far (the server's, the provider list's, those the server led to). */
    hosts: () => [...allowedHosts],
  };
}
