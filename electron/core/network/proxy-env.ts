import { parseNoProxy } from './no-proxy';
import { directRoute, parseProxyUrl, type ProxyResolver } from './proxy-route';

/** The environment variables that configure a proxy (lower-case first, as curl reads them). */
function pick(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value?.trim() ? value.trim() : undefined;
}

/**
 * The system proxy as the core and the companion command see it: `HTTPS_PROXY` for https://
 * servers, `HTTP_PROXY` for http:// ones (each also lower-case, which wins), except for targets
 * `NO_PROXY` lists. Read once: a process's environment does not change under it. A value the app
 * cannot use (a SOCKS proxy, a path) fails each request that would use it, with the reason.
 */
export function envProxyResolver(env: NodeJS.ProcessEnv): ProxyResolver {
  const bypass = parseNoProxy(pick(env, 'no_proxy'));
  const https = pick(env, 'https_proxy');
  const http = pick(env, 'http_proxy');
  return (target) => {
    const value = target.protocol === 'https:' ? https : http;
    if (!value || bypass(target)) return Promise.resolve(directRoute);
    try {
      return Promise.resolve({ kind: 'proxy', proxy: parseProxyUrl(value) });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
