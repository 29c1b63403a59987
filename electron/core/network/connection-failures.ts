import type { AppFailure } from '../app-failure';
import type { NetworkPolicy } from './network-policy';
import { findProxyError } from './proxy-error';
import { proxyFailure, unsupportedProxyFailure } from './proxy-failures';
import { PROXY_UNSUPPORTED, proxyDisplayUrl } from './proxy-route';

/**
 * The failure of a connection attempt that the proxy setting caused (the proxy's answer, its
 * reachability, its TLS, plain HTTP refused, an unusable setting), or null for any other error.
 */
export function proxyConnectionFailure(error: unknown, ctx: { origin: string }): AppFailure | null {
  const proxyError = findProxyError(error);
  if (proxyError) return proxyFailure(ctx, proxyError);
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if ((current as { code?: unknown }).code === PROXY_UNSUPPORTED) {
      return unsupportedProxyFailure(current.message);
    }
    current = current.cause;
  }
  return null;
}

/** The proxy connections to `origin` go through now (for messages), or null when direct. */
export async function proxyInUse(
  policy: NetworkPolicy | undefined,
  origin: string,
): Promise<string | null> {
  if (!policy) return null;
  const route = await policy.route(new URL(origin)).catch(() => null);
  return route?.kind === 'proxy' ? proxyDisplayUrl(route.proxy) : null;
}
