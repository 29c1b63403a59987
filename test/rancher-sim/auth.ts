import type { Caller } from './context';
import type { SimRequest } from './http-types';
import { isExtExpired, isV3Expired } from './model';
import { truncateToSecond } from './names';
import type { SimState } from './state';

/**
 * The credential of a request, read as `GetTokenAuthFromRequest` does (rancher-api.md §2.1):
 * the Authorization header (Bearer, or URL-safe padded base64 Basic) or — only without that header —
 * the `R_SESS` cookie. Returns `undefined` when there is none.
 */
export function readCredential(req: SimRequest): string | undefined {
  const raw = req.headers.authorization;
  if (raw !== undefined) {
    const header = raw.trim();
    const space = header.indexOf(' ');
    if (space < 0) return undefined;
    const scheme = header.slice(0, space).toLowerCase();
    const rest = header.slice(space + 1).trim();
    if (scheme === 'bearer') return rest;
    if (scheme === 'basic') return decodeUrlSafeBase64(rest);
    // Any other scheme: no credential, and the cookie is not consulted.
    return undefined;
  }
  return req.cookies.R_SESS;
}

/** Go's `base64.URLEncoding.DecodeString`: URL-safe alphabet, padding required. */
function decodeUrlSafeBase64(value: string): string | undefined {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9_-]*={0,2}$/.test(value)) return undefined;
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** `SplitTokenParts`: exactly one `:` (§2.1 step 3). */
export function splitCredential(credential: string): { name: string; secret: string } | undefined {
  const parts = credential.split(':');
  if (parts.length !== 2) return undefined;
  const [name, secret] = parts;
  if (!name || !secret) return undefined;
  return { name, secret };
}

/** The cluster a path is routed to (R:pkg/clusterrouter/lookup.go `GetClusterID`, §5.1). */
export function clusterOfPath(path: string): string {
  const m = /^\/(?:k8s\/clusters|v3\/clusters|v3\/cluster|v3\/proxy)\/([^/]+)/.exec(path);
  return m?.[1] ?? '';
}

/**
 * Authenticates a request (rancher-api.md §2.3). Every failure is `undefined`; the caller answers
 * with the single 401 body (§10.2). `touch` records `lastUsedAt` (step 7).
 */
export function authenticate(state: SimState, req: SimRequest, touch: boolean): Caller | undefined {
  const credential = readCredential(req);
  if (!credential) return undefined;
  const parts = splitCredential(credential);
  if (!parts) return undefined;
  const now = state.clock.now();
  let caller: Caller | undefined;
  if (parts.name.startsWith('ext/') && state.profile.extTokens) {
    const token = state.extTokens.get(parts.name.slice(4));
    if (!token || token.secret !== parts.secret || isExtExpired(token, now) || !token.enabled) {
      return undefined;
    }
    // Ext tokens are not path-restricted upstream: ObjClusterName() is "" (§5.1, §11.4).
    const user = state.users.get(token.userId);
    if (!user) return undefined;
    caller = { family: 'ext', user, token };
  } else {
    const token = state.tokens.get(parts.name);
    if (!token || token.secret !== parts.secret || isV3Expired(token, now) || !token.enabled) {
      return undefined;
    }
    if (token.clusterId && token.clusterId !== clusterOfPath(req.path)) return undefined;
    const user = state.users.get(token.userId);
    if (!user) return undefined;
    caller = { family: 'v3', user, token };
  }
  if (!caller.user.enabled || !state.providers.get(caller.user.provider)?.enabled) return undefined;
  if (touch) {
    const second = truncateToSecond(now);
    if (caller.family === 'ext') caller.token.lastUsedMs = second;
    else if (state.profile.lastUsedAt) caller.token.lastUsedMs = second;
  }
  return caller;
}
