import type { Caller } from './context';
import { labelsOf } from './ext-token-service';
import type { Json } from './json';
import type { ExtToken } from './model';
import { isExtExpired } from './model';
import { formatLocalTime, formatTime } from './names';
import type { SimState } from './state';

/** Options of {@link renderExtToken}. */
export interface RenderExtOptions {
  state: SimState;
  caller: Caller;
  /** Only the create response carries `status.value` / `status.bearerToken` (§6.2, §10.4). */
  withSecret?: boolean;
}

/** An ext Token object as the kube API serves it (rancher-api.md §6.2), in Go struct order. */
export function renderExtToken(token: ExtToken, opts: RenderExtOptions): Record<string, Json> {
  const { state, caller } = opts;
  const now = state.clock.now();
  const user = state.users.get(token.userId);
  const bearer = state.profile.extBearerToken;
  return {
    apiVersion: 'ext.cattle.io/v1',
    kind: 'Token',
    metadata: {
      name: token.name,
      // The store creates every token with generateName (rancher-api.md §2.2, §6.3).
      generateName: 'token-',
      uid: token.uid,
      resourceVersion: String(token.resourceVersion),
      creationTimestamp: formatTime(token.createdMs),
      labels: labelsOf(token),
      annotations: Object.keys(token.annotations).length ? { ...token.annotations } : undefined,
    },
    spec: {
      userID: token.userId,
      userPrincipal: user
        ? {
            name: user.principalId,
            displayName: user.displayName || user.username,
            loginName: user.username,
            principalType: 'user',
            me: true,
            provider: user.provider,
          }
        : null,
      kind: token.kind,
      description: token.description || undefined,
      ttl: token.ttlMs,
      enabled: token.enabled,
      clusterName: bearer && token.clusterName ? token.clusterName : undefined,
    },
    status: {
      // For ext tokens `current` marks the authenticating token whatever its kind (§4.7, §10.9).
      current: caller.family === 'ext' && caller.token.name === token.name,
      expired: isExtExpired(token, now),
      // Status times are the server's local time with its offset, as real servers write them.
      expiresAt: token.ttlMs < 0 ? '' : formatLocalTime(token.createdMs + token.ttlMs),
      lastUpdateTime: formatLocalTime(token.lastUpdateMs),
      lastUsedAt: token.lastUsedMs === undefined ? undefined : formatLocalTime(token.lastUsedMs),
      value: opts.withSecret ? token.secret : undefined,
      bearerToken: opts.withSecret && bearer ? `ext/${token.name}:${token.secret}` : undefined,
    },
  };
}
