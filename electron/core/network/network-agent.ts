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
import { sharedSecureContext } from './secure-contexts';

type Callback = (error: Error | null, socket?: Duplex) => void;

/**
 * The connection pool of one server when a {@link NetworkPolicy} applies: each new connection is
 * dialled as the policy routes it (direct, or a CONNECT tunnel), and for HTTPS the server's TLS
 * runs inside it with the same checks as {@link secureOptions} (verification on, the pin compared
 * before any request byte), over a trust store of Node's roots, the OS's certificates and the
 * server's own CA and anchor: one TLS context shared by every server with the same trust
 * ({@link sharedSecureContext}).
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
  const contextOf = () =>
    policy
      .systemCertificates()
      .then((system) =>
        sharedSecureContext(system, extraCertificates(trust), partialChainAllowed(trust)),
      );
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
