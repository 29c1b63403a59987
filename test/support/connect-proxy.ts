import net from 'node:net';
import tls from 'node:tls';
import { issueServerCert, type SimCa } from '../rancher-sim/tls';

/** One CONNECT as the test proxy saw it. */
export interface ProxyLogEntry {
  /** The request head exactly as received (request line and headers). */
  head: string;
  /** `host:port` asked for. */
  target: string;
  /** What the proxy answered. */
  status: number;
}

/** Options of {@link startConnectProxy}. */
export interface ConnectProxyOptions {
  /** Require `Proxy-Authorization: Basic` with these credentials (407 otherwise). */
  auth?: { username: string; password: string };
  /** Answer every CONNECT with this status (e.g. 403) instead of opening a tunnel. */
  refuse?: number;
  /**
   * Inspect TLS: terminate the client's TLS with a certificate for the target issued by this CA,
   * and talk TLS to the real target (trusting `upstreamCa`), as corporate TLS inspection does.
   */
  intercept?: { ca: SimCa; upstreamCa: string; sendChain?: boolean };
  /** Serve the proxy itself over TLS (an https:// proxy) with this certificate. */
  tls?: { certPem: string; keyPem: string };
}

/** A loopback CONNECT proxy for tests; it records every request head and every client byte. */
export interface ConnectProxy {
  /** `http://127.0.0.1:<port>` (or https://). */
  readonly url: string;
  readonly port: number;
  readonly log: ProxyLogEntry[];
  /** CONNECT targets (`host:port`) answered with this status instead of a tunnel (a blocked site). */
  readonly refusedTargets: Map<string, number>;
  /** Every byte clients sent to the proxy, tunnelled bytes included. */
  clientBytes(): Buffer;
  close(): Promise<void>;
}

/** Starts a CONNECT proxy on 127.0.0.1 with a free port. */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const log: ProxyLogEntry[] = [];
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const refusedTargets = new Map<string, number>();

  function answer(socket: net.Socket, status: number, reason: string, extra: string[] = []) {
    socket.end(
      [`HTTP/1.1 ${status} ${reason}`, ...extra, 'Content-Length: 0', '', ''].join('\r\n'),
    );
  }

  async function tunnel(client: net.Socket, host: string, port: number, rest: Buffer) {
    if (options.intercept) {
      const { ca, upstreamCa } = options.intercept;
      const cert = await issueServerCert(ca, { hosts: [host] });
      // Most inspecting proxies send their CA along with the certificate they forge; some do not.
      const chain =
        options.intercept.sendChain === false ? cert.certPem : cert.certPem + ca.certPem;
      const inner = new tls.TLSSocket(client, { isServer: true, cert: chain, key: cert.keyPem });
      const upstream = tls.connect({
        host,
        port,
        ca: upstreamCa,
        ...(net.isIP(host) ? {} : { servername: host }),
      });
      sockets.add(upstream);
      inner.pipe(upstream).pipe(inner);
      inner.on('error', () => upstream.destroy());
      upstream.on('error', () => inner.destroy());
      return;
    }
    const upstream = net.connect({ host, port });
    sockets.add(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (rest.length > 0) upstream.write(rest);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }

  function onConnection(client: net.Socket) {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('data', (chunk: Buffer) => received.push(Buffer.from(chunk)));
    client.on('error', () => undefined);
    let head = Buffer.alloc(0);
    const onHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      client.off('data', onHead);
      const text = head.subarray(0, end).toString('latin1');
      const rest = head.subarray(end + 4);
      const [method = '', target = ''] = text.split('\r\n')[0]!.split(' ');
      const entry: ProxyLogEntry = { head: text, target, status: 0 };
      log.push(entry);
      if (method !== 'CONNECT') {
        entry.status = 405;
        return answer(client, 405, 'Method Not Allowed');
      }
      if (options.auth) {
        const expected = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
        const given = /^proxy-authorization:\s*(.+)$/im.exec(text)?.[1]?.trim();
        if (given !== expected) {
          entry.status = 407;
          return answer(client, 407, 'Proxy Authentication Required', [
            'Proxy-Authenticate: Basic realm="test"',
          ]);
        }
      }
      const refuse = options.refuse ?? refusedTargets.get(target);
      if (refuse) {
        entry.status = refuse;
        return answer(client, refuse, 'Refused');
      }
      const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
      if (!match) {
        entry.status = 400;
        return answer(client, 400, 'Bad Request');
      }
      entry.status = 200;
      if (options.intercept) client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      void tunnel(client, match[1]!, Number(match[2]), rest);
    };
    client.on('data', onHead);
  }

  const server = options.tls
    ? tls.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, onConnection)
    : net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    log,
    refusedTargets,
    clientBytes: () => Buffer.concat(received),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
