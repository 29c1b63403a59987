import { z } from 'zod';
import type { ProxyInput, ServerProxy } from '../../contract/proxy';
import { AppFailure } from '../app-failure';
import type { NetworkPolicy } from '../network/network-policy';
import { ProxyError } from '../network/proxy-error';
import {
  directRoute,
  parseProxyUrl,
  proxyDisplayUrl,
  type ProxyResolver,
  type ProxyRoute,
} from '../network/proxy-route';
import type { TrustStore } from '../network/trust-store';

/** A server's proxy setting as stored in metadata (the password is in the keychain). */
export const storedProxySchema = z.object({
  mode: z.enum(['none', 'system', 'url']),
  /** `http(s)://host:port`, without credentials. */
  url: z.string().max(2048).nullable(),
  username: z.string().max(256).nullable(),
  hasPassword: z.boolean(),
  allowPlainHttp: z.boolean(),
});
export type StoredProxy = z.infer<typeof storedProxySchema>;

/** Servers stored before proxies existed, and new ones by default, follow the system's proxy. */
export const defaultProxy: StoredProxy = {
  mode: 'system',
  url: null,
  username: null,
  hasPassword: false,
  allowPlainHttp: false,
};

/** The stored setting as the renderer sees it. */
export function proxyView(proxy: StoredProxy): ServerProxy {
  return { ...proxy };
}

/** What a proxy input changes: the setting, and the password (undefined: keep; null: remove). */
export interface ProxyChange {
  proxy: StoredProxy;
  password: string | null | undefined;
}

/**
 * Applies a proxy input to the current setting. A `url` is parsed (http/https only, no path) and
 * stored without its credentials; a user name and password in it win over the separate fields.
 */
export function applyProxyInput(current: StoredProxy, input: ProxyInput): ProxyChange {
  const allowPlainHttp = input.allowPlainHttp ?? current.allowPlainHttp;
  if (input.mode !== 'url') {
    return {
      proxy: { mode: input.mode, url: null, username: null, hasPassword: false, allowPlainHttp },
      password: current.hasPassword ? null : undefined,
    };
  }
  if (!input.url)
    throw new AppFailure(
      'invalid_input',
      'Enter the proxy address, e.g. http://proxy.example.com:3128.',
    );
  let endpoint;
  try {
    endpoint = parseProxyUrl(input.url);
  } catch (error) {
    throw new AppFailure(
      'invalid_input',
      error instanceof Error ? error.message : 'This is not a proxy address.',
      {
        proxy: 'unsupported',
      },
    );
  }
  const username = (endpoint.auth?.username ?? input.username ?? '').trim() || null;
  const given = endpoint.auth ? endpoint.auth.password || null : input.password;
  const password = username === null ? (current.hasPassword ? null : undefined) : given;
  const hasPassword =
    username !== null &&
    (password === undefined ? current.hasPassword : password !== null && password !== '');
  return {
    proxy: { mode: 'url', url: proxyDisplayUrl(endpoint), username, hasPassword, allowPlainHttp },
    password: password === '' ? null : password,
  };
}

/** What a server's network policy is built from. */
export interface ServerNetworkDeps {
  /** The system's proxy (OS settings and PAC in the app, the environment elsewhere). */
  systemProxy: ProxyResolver;
  trustStore: TrustStore;
}

/**
 * The network policy of one server: its proxy mode, the proxy password read when a connection
 * needs it, and plain HTTP through any proxy refused unless the user allowed it for this server.
 */
export function serverNetworkPolicy(
  proxy: StoredProxy,
  deps: ServerNetworkDeps,
  password: () => Promise<string | null>,
): NetworkPolicy {
  async function choose(target: URL): Promise<ProxyRoute> {
    if (proxy.mode === 'none') return directRoute;
    if (proxy.mode === 'system') return deps.systemProxy(target);
    const endpoint = parseProxyUrl(proxy.url ?? '');
    if (!proxy.username) return { kind: 'proxy', proxy: endpoint };
    const secret = proxy.hasPassword ? ((await password()) ?? '') : '';
    return {
      kind: 'proxy',
      proxy: { ...endpoint, auth: { username: proxy.username, password: secret } },
    };
  }
  return {
    async route(target) {
      const route = await choose(target);
      if (route.kind === 'proxy' && target.protocol === 'http:' && !proxy.allowPlainHttp) {
        throw new ProxyError(proxyDisplayUrl(route.proxy), { reason: 'plain_http' });
      }
      return route;
    },
    systemCertificates: () => deps.trustStore.certificates(),
  };
}
