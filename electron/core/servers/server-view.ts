import type { AppError } from '../../contract/errors';
import { displayText } from '../display-text';
import type { Server } from '../../contract/servers';
import type { NetworkPolicy } from '../network/network-policy';
import type { RancherClientOptions } from '../rancher/rancher-client';
import { certificateInfoOf } from '../rancher/tls';
import { proxyView } from './server-proxy';
import type { Logger } from '../log';
import { deriveHealth, signInStateOf } from './health';
import type { StoredServer } from './server-store';

/** A stored server as the renderer sees it (contract `Server`): no secret, health derived. */
export function serverView(
  server: StoredServer,
  runtime: { active: boolean; lastError: AppError | null; now: number; nearExpiryCount: number },
): Server {
  const { now } = runtime;
  // Server text is neutralised (bidi and control characters) before the window sees it.
  const lastError = runtime.lastError && {
    ...runtime.lastError,
    message: displayText(runtime.lastError.message),
  };
  const text = (value: string | null | undefined) => (value == null ? null : displayText(value));
  const user = server.signIn?.user;
  return {
    id: server.id,
    origin: server.origin,
    name: displayText(server.name),
    active: runtime.active,
    hasCustomCa: server.caPem !== null,
    fingerprint256: server.fingerprint256,
    timeoutMs: server.timeoutMs,
    proxy: proxyView(server.proxy),
    proxyCa: server.proxyCaPem ? certificateInfoOf(server.proxyCaPem) : null,
    version: text(server.version),
    tokenApis: server.tokenApis,
    maxTtlMs: server.maxTtlMs,
    signIn: {
      state: signInStateOf(server.signIn, now),
      method: server.signIn?.method ?? null,
      provider: text(server.signIn?.provider),
      user: user
        ? {
            id: user.id,
            username: displayText(user.username),
            displayName: displayText(user.displayName),
          }
        : null,
      expiresAt: server.signIn?.expiresAt ?? null,
      ...(server.signIn?.obtained ? { obtained: server.signIn.obtained } : {}),
    },
    health: deriveHealth({ signIn: server.signIn, lastError, now }),
    lastRefreshedAt: null,
    lastError,
    nearExpiryCount: runtime.nearExpiryCount,
  };
}

/** The client options of a stored server: its TLS trust, network policy, timeout and version. */
export function clientOptions(
  server: StoredServer,
  credential: () => Promise<string | null>,
  appVersion: string,
  network?: NetworkPolicy,
  log?: Logger,
): RancherClientOptions {
  return {
    origin: server.origin,
    tls: {
      caPem: server.caPem ?? undefined,
      fingerprint256: server.fingerprint256 ?? undefined,
      anchorPem: server.anchorPem ?? undefined,
      proxyCaPem: server.proxyCaPem ?? undefined,
    },
    ...(network ? { network } : {}),
    timeoutMs: server.timeoutMs,
    credential,
    appVersion,
    version: server.version,
    ...(log ? { log } : {}),
  };
}
