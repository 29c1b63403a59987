import type { ProxyResolver } from '../../core/network/proxy-route';
import { PROXY_UNSUPPORTED } from '../../core/network/proxy-route';
import { routeFromPac } from '../../core/network/proxy-pac';

/** The part of an Electron session the system proxy needs (`session.defaultSession`). */
export interface ProxySession {
  /** Chromium's proxy decision for a URL (OS settings, PAC included), e.g. `PROXY p:3128; DIRECT`. */
  resolveProxy(url: string): Promise<string>;
}

/**
 * The system proxy in the app: Chromium resolves it from the OS's settings, running the PAC script
 * when there is one, per server origin; the answer is read by {@link routeFromPac}. Only the
 * origin is passed: a PAC script sees no path or query.
 */
export function electronSystemProxy(session: ProxySession): ProxyResolver {
  return async (target) => {
    let answer: string;
    try {
      answer = await session.resolveProxy(`${target.origin}/`);
    } catch {
      throw Object.assign(
        new Error(
          "The system's proxy settings could not be read. Choose no proxy or a given proxy for this server in its settings.",
        ),
        { code: PROXY_UNSUPPORTED },
      );
    }
    return routeFromPac(answer);
  };
}
