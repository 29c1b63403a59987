import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { TlsTrust } from '../rancher/rancher-client';
import {
  extraCertificates,
  partialChainAllowed,
  secureOptions,
  withConnectTimeout,
} from '../rancher/tls';
import type { Dialer } from './dial';
import type { NetworkPolicy } from './network-policy';

type Callback = (error: Error | null, socket?: Duplex) => void;

/**
 * The connection pool of one server when a {@link NetworkPolicy} applies: each new connection is
 * dialled as the policy routes it (direct, or a CONNECT tunnel), and for HTTPS the server's TLS
 * runs inside it with the same checks as {@link secureOptions} (verification on, the pin compared
 * before any request byte), over a trust store of Node's roots, the OS's certificates and the
 * server's own CA and anchor. That store is one TLS context, built on first use: parsing a few
 * hundred roots per connection would cost more than the handshake.
 */
export function createNetworkAgent(
  origin: string,
  trust: TlsTrust,
  connectTimeoutMs: number,
  policy: NetworkPolicy,
  dialer: Dialer,
): http.Agent | https.Agent {
  const target = new URL(origin);
  const dial = () => dialer.dial(target, connectTimeoutMs);
  if (target.protocol === 'http:') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    agent.createConnection = (_options, callback: Callback) => {
      dial().then(
        (socket) => callback(null, socket),
        (error: Error) => callback(error),
      );
      return undefined;
    };
    return agent;
  }
  let context: Promise<tls.SecureContext> | null = null;
  const contextOf = () =>
    (context ??= policy.systemCertificates().then((system) =>
      tls.createSecureContext({
        ca: [...tls.rootCertificates, ...system, ...extraCertificates(trust)],
        // The anchor captured on first use may be a leaf; the pin then limits trust to it.
        ...(partialChainAllowed(trust) ? { allowPartialTrustChain: true } : {}),
      }),
    ));
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 8,
    maxCachedSessions: 0,
    ...secureOptions(trust),
  });
  agent.createConnection = (options, callback: Callback) => {
    Promise.all([dial(), contextOf()]).then(
      ([socket, secureContext]) => {
        const secure = tls.connect({
          ...(options as tls.ConnectionOptions),
          socket,
          secureContext,
        });
        callback(null, withConnectTimeout(secure, connectTimeoutMs, true));
      },
      (error: Error) => callback(error),
    );
    return undefined;
  };
  return agent;
}
