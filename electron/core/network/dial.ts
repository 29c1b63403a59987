import net from 'node:net';
import { CONNECT_TIMEOUT } from '../rancher/tls';
import type { NetworkPolicy } from './network-policy';
import { openTunnel } from './proxy-tunnel';
import { sharedSecureContext } from './secure-contexts';

/** What {@link createDialer} returns: a raw connection to the server, direct or tunnelled. */
export interface Dialer {
  /** A TCP-level stream to `host:port` (no TLS to the server yet); `target` decides the route. */
  dial: (target: URL, timeoutMs: number) => Promise<net.Socket>;
}

function directSocket(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: CONNECT_TIMEOUT }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Connections as a {@link NetworkPolicy} says: straight to the server, or through the proxy's
 * CONNECT tunnel. An https:// proxy is verified against Node's roots plus the OS store.
 */
export function createDialer(policy: NetworkPolicy): Dialer {
  const contextOf = () =>
    policy.systemCertificates().then((system) => sharedSecureContext(system, [], false));
  return {
    async dial(target, timeoutMs) {
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
      const route = await policy.route(target);
      if (route.kind === 'direct') return directSocket(host, port, timeoutMs);
      const context = route.proxy.protocol === 'https:' ? await contextOf() : undefined;
      return openTunnel({
        proxy: route.proxy,
        host,
        port,
        timeoutMs,
        ...(context ? { proxySecureContext: () => context } : {}),
      });
    },
  };
}
