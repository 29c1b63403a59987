import net from 'node:net';
import tls from 'node:tls';
import { certificateInfo, isCertificateError } from '../rancher/tls';
import { ProxyError, type ProxyProblem } from './proxy-error';
import { proxyDisplayUrl, type ProxyEndpoint } from './proxy-route';

/** The most a proxy may send before the end of its answer to CONNECT. */
const MAX_HEAD_BYTES = 16 * 1024;

/** Options of {@link openTunnel}. */
export interface TunnelOptions {
  proxy: ProxyEndpoint;
  /** The Rancher server's host (no brackets) and port. */
  host: string;
  port: number;
  /** Bounds connecting to the proxy, its TLS and its answer to CONNECT. */
  timeoutMs: number;
  /** Trust for an https:// proxy's own certificate (Node's roots and the OS store). */
  proxySecureContext?: () => tls.SecureContext;
}

function authority(host: string, port: number): string {
  return `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
}

function connectToProxy(options: TunnelOptions): net.Socket {
  const { proxy } = options;
  if (proxy.protocol === 'http:') return net.connect({ host: proxy.hostname, port: proxy.port });
  return tls.connect({
    host: proxy.hostname,
    port: proxy.port,
    ...(net.isIP(proxy.hostname) ? {} : { servername: proxy.hostname }),
    rejectUnauthorized: true,
    ...(options.proxySecureContext ? { secureContext: options.proxySecureContext() } : {}),
  });
}

function statusProblem(status: number): ProxyProblem {
  if (status === 407) return { reason: 'auth_required', status };
  if (status === 403) return { reason: 'blocked', status };
  return { reason: 'refused', status };
}

/**
 * Opens a `CONNECT` tunnel to `host:port` through an http:// or https:// proxy and resolves with
 * the socket once the proxy answered 2xx: from then on it carries the server's bytes only (for an
 * https:// server, TLS end to end, so the proxy sees the target's name and ciphertext). Sends
 * `Proxy-Authorization: Basic` only when credentials are given. Every failure is a
 * {@link ProxyError} naming the cause: unreachable, its own TLS, 407, 403, another status, or time.
 */
export function openTunnel(options: TunnelOptions): Promise<net.Socket> {
  const display = proxyDisplayUrl(options.proxy);
  const target = authority(options.host, options.port);
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(options);
    let settled = false;
    let connected = false;
    let head = Buffer.alloc(0);
    const fail = (problem: ProxyProblem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(new ProxyError(display, problem));
    };
    const timer = setTimeout(() => fail({ reason: 'timeout' }), options.timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (connected) return fail({ reason: 'bad_answer' });
      const code = error.code;
      const isTls =
        options.proxy.protocol === 'https:' &&
        (isCertificateError(code) || code === 'EPROTO' || !!code?.startsWith('ERR_SSL'));
      if (isTls && socket instanceof tls.TLSSocket) {
        // The certificate is readable after a failed verification only while the socket lives.
        const peer = (socket.getPeerCertificate() as tls.PeerCertificate | null) ?? null;
        return fail({
          reason: 'tls',
          causeCode: code,
          certificate: peer?.raw ? certificateInfo(peer) : undefined,
        });
      }
      fail({ reason: 'unreachable', causeCode: code });
    });
    socket.once('close', () =>
      fail(
        connected ? { reason: 'bad_answer' } : { reason: 'unreachable', causeCode: 'ECONNRESET' },
      ),
    );
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_HEAD_BYTES) fail({ reason: 'bad_answer' });
        return;
      }
      socket.off('data', onData);
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
      if (!match) return fail({ reason: 'bad_answer' });
      const status = Number(match[1]);
      if (status < 200 || status > 299) return fail(statusProblem(status));
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      // Bytes after the answer belong to the tunnel (a server speaking first, for plain HTTP).
      const rest = head.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.once(options.proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      connected = true;
      const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
      const auth = options.proxy.auth;
      if (auth) {
        const basic = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
        lines.push(`Proxy-Authorization: Basic ${basic}`);
      }
      socket.on('data', onData);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  });
}
