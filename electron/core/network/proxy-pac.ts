import { directRoute, parseProxyUrl, PROXY_UNSUPPORTED, type ProxyRoute } from './proxy-route';

/**
 * Reads the answer of a PAC script or of the OS's proxy settings, in Chromium's form
 * (`session.resolveProxy`): entries separated by `;`, each `DIRECT`, `PROXY host:port` (an HTTP
 * proxy), `HTTPS host:port` (a proxy spoken to over TLS) or `SOCKS*`/`QUIC host:port`. The first
 * entry the app can use wins; SOCKS and QUIC are skipped, and an answer with nothing usable fails
 * with the reason.
 */
export function routeFromPac(answer: string): ProxyRoute {
  const entries = answer
    .slice(0, 8 * 1024)
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return directRoute;
  for (const entry of entries) {
    const [keyword = '', hostPort = ''] = entry.split(/\s+/, 2);
    const kind = keyword.toUpperCase();
    if (kind === 'DIRECT') return directRoute;
    if ((kind === 'PROXY' || kind === 'HTTPS') && hostPort) {
      try {
        const scheme = kind === 'HTTPS' ? 'https' : 'http';
        return { kind: 'proxy', proxy: parseProxyUrl(`${scheme}://${hostPort}`) };
      } catch {
        continue;
      }
    }
  }
  throw Object.assign(
    new Error(
      `The system proxy settings name only proxies Rancher Keys cannot use (${entries
        .map((e) => e.split(/\s+/)[0])
        .join(', ')}). Set an http:// or https:// proxy for this server in its settings.`,
    ),
    { code: PROXY_UNSUPPORTED },
  );
}
