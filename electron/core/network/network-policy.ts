import type { ProxyRoute } from './proxy-route';

/**
 * How one server is reached, beyond its own TLS trust: the route of each new connection (direct
 * or through a proxy, decided per connection so a changed PAC answer takes effect) and the OS's
 * trusted certificates, added to Node's roots for the server and for an https:// proxy.
 */
export interface NetworkPolicy {
  /** The route to `target`; rejects (with the reason) when the route may not be used. */
  route(target: URL): Promise<ProxyRoute>;
  /** PEM certificates the operating system trusts (read once, then cached by the provider). */
  systemCertificates(): Promise<readonly string[]>;
}
