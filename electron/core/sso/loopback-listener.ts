import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP listener on one port of both 127.0.0.1 and ::1. */
export interface LoopbackListener {
  port: number;
  /** Stops both addresses listening and drops their idle connections; idempotent. */
  close(): void;
}

/** Errors that mean this machine has no IPv6 loopback (IPv6 disabled): 127.0.0.1 alone serves. */
const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EPROTONOSUPPORT']);
/** Random ports tried before giving up when ::1 of the port 127.0.0.1 got is taken. */
const ATTEMPTS = 5;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function stop(server: Server): void {
  server.close();
  server.closeIdleConnections();
}

/**
 * Listens on a random port of 127.0.0.1 and the same port of ::1, with one handler for both. The
 * redirect is `http://localhost:<port>` (as Rancher's CLI registers it), and a browser may resolve
 * `localhost` to either address (rancher-sso.md §4's note): listening on 127.0.0.1 alone misses the
 * callback of a browser that goes to ::1. When ::1's port is taken another port is tried; on a
 * machine without IPv6, 127.0.0.1 alone is used.
 */
export async function listenLoopback(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackListener> {
  for (let attempt = 1; ; attempt++) {
    const v4 = createServer(handler);
    await listen(v4, 0, '127.0.0.1');
    const port = (v4.address() as AddressInfo).port;
    const servers = [v4];
    const v6 = createServer(handler);
    try {
      await listen(v6, port, '::1');
      servers.push(v6);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !NO_IPV6.has(code)) {
        stop(v4);
        if (code === 'EADDRINUSE' && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    let closed = false;
    return {
      port,
      close() {
        if (closed) return;
        closed = true;
        servers.forEach(stop);
      },
    };
  }
}
