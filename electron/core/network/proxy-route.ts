/** Basic credentials for a proxy. The password is a secret: never log it or return it over IPC. */
export interface ProxyAuth {
  username: string;
  password: string;
}

/** A proxy to tunnel through: `http://` or `https://` (to the proxy itself), host and port. */
export interface ProxyEndpoint {
  protocol: 'http:' | 'https:';
  /** Host name or IP address, without IPv6 brackets. */
  hostname: string;
  port: number;
  auth?: ProxyAuth | undefined;
}

/** Where connections to one server go: straight to it, or through a proxy's CONNECT tunnel. */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; proxy: ProxyEndpoint };

/** Decides the route to a target origin (`https://host:port`); may consult the OS or PAC. */
export type ProxyResolver = (target: URL) => Promise<ProxyRoute>;

/** The route that never uses a proxy. */
export const directRoute: ProxyRoute = { kind: 'direct' };

/** Thrown (as the error's `code`) when a proxy setting names something the app cannot use. */
export const PROXY_UNSUPPORTED = 'ERR_RANCHER_KEYS_PROXY_UNSUPPORTED';

function unsupported(message: string): Error {
  return Object.assign(new Error(message), { code: PROXY_UNSUPPORTED });
}

/**
 * Parses a proxy URL as users and environments write it: `http://proxy:3128`,
 * `https://user:pass@proxy.corp:443`, or a bare `proxy:3128` (taken as `http://`). Anything but
 * http(s), a path, a query or a fragment is refused: it would not mean what the user expects.
 * Credentials in the URL are returned apart, percent-decoded.
 */
export function parseProxyUrl(text: string): ProxyEndpoint {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) throw unsupported('Enter the proxy address.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw unsupported(`"${trimmed.slice(0, 100)}" is not a proxy address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw unsupported(
      `${url.protocol.replace(':', '').toUpperCase()} proxies are not supported; use an http:// or https:// proxy.`,
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw unsupported('A proxy address has no path: give only http(s)://host:port.');
  }
  if (!url.hostname) throw unsupported('The proxy address has no host.');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const username = safeDecode(url.username);
  const password = safeDecode(url.password);
  return {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    ...(username || password ? { auth: { username, password } } : {}),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The proxy as a user may see it: scheme, host and port, never the credentials. */
export function proxyDisplayUrl(
  proxy: Pick<ProxyEndpoint, 'protocol' | 'hostname' | 'port'>,
): string {
  const host = proxy.hostname.includes(':') ? `[${proxy.hostname}]` : proxy.hostname;
  return `${proxy.protocol}//${host}:${proxy.port}`;
}
