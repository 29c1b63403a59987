import { randomUUID } from 'node:crypto';
import { AppFailure } from '../app-failure';
import type { EmbeddedWindowSpec } from '../sign-in-ports';
import type { FlowEnv, StartedFlow } from './flow-types';
import { providerDisplayName } from './sign-in-methods';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the embedded window may go to `raw` (rancher-sso.md §8): `https:` anywhere (the IdP's
 * pages are on other hosts); plain `http:` only to the server itself when that is a loopback
 * server (a local simulator). Everything else (`http:` elsewhere, `javascript:`, `data:`,
 * `file:`, custom schemes) is refused.
 */
export function navigationAllowed(raw: string, serverOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  const server = new URL(serverOrigin);
  return url.protocol === 'http:' && url.origin === server.origin && loopback.has(server.hostname);
}

/** A Rancher session cookie's value, `token-abc12:<secret>`; null when it is not one. */
export function sessionFromCookie(value: string): string | null {
  const decoded = (() => {
    try {
      return decodeURIComponent(value.trim());
    } catch {
      return '';
    }
  })();
  return /^[a-z0-9][a-z0-9.-]{0,252}:[A-Za-z0-9]{8,512}$/.test(decoded) ? decoded : null;
}

/**
 * How the embedded sign-in window is built (§8): a fresh non-persistent partition per run,
 * sandboxed, isolated, without Node or a preload, `https:` navigation only, a visible host bar,
 * pop-ups and permissions denied; it starts on Rancher's own login page.
 */
export function embeddedWindowSpec(serverOrigin: string, timeoutMs: number): EmbeddedWindowSpec {
  const origin = new URL(serverOrigin).origin;
  return {
    partition: `rk-sso-${randomUUID()}`,
    startUrl: `${origin}/dashboard/auth/login`,
    serverOrigin: origin,
    cookieName: 'R_SESS',
    title: `Sign in to ${new URL(origin).host} — inside Rancher Keys`,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      javascript: true,
      spellcheck: false,
    },
    showHostBar: true,
    denyWindowOpen: true,
    denyPermissions: true,
    allowNavigation: (url) => navigationAllowed(url, origin),
    timeoutMs,
  };
}

/**
 * Flow D-harvest (rancher-sso.md §5) for providers whose redirect Rancher pins to its own
 * `/verify-auth` (GitHub, Google, OIDC, Keycloak OIDC, Cognito): Rancher's login page in the
 * hardened window, until its `R_SESS` cookie appears. The session then creates the sign-in key and
 * is logged out (the service's `adoptSso`); the shell clears the partition when the run ends.
 */
export function startEmbedded(env: FlowEnv): Promise<StartedFlow> {
  const window = env.embedded;
  if (!window) {
    return Promise.reject(
      new AppFailure('invalid_input', 'Signing in inside Rancher Keys is not available here.'),
    );
  }
  const spec = embeddedWindowSpec(env.origin, env.timing.embeddedTimeoutMs);
  const deadline = env.now() + spec.timeoutMs;
  const name = providerDisplayName(env.provider);
  return Promise.resolve({
    prompt: {
      kind: 'embedded',
      host: new URL(spec.serverOrigin).host,
      deadline: new Date(deadline).toISOString(),
    },
    pageUrl: null,
    userCode: null,
    async complete(run) {
      run.progress('waiting');
      const outcome = await window.run(spec, run.signal);
      run.signal.throwIfAborted();
      if (outcome.kind === 'closed') {
        throw new AppFailure(
          'conflict',
          `The sign-in window was closed before the ${name} sign-in finished.`,
        );
      }
      if (outcome.kind === 'timed_out') {
        throw new AppFailure(
          'timeout',
          `The ${name} sign-in was not finished within ${Math.round(spec.timeoutMs / 60_000)} minutes.`,
        );
      }
      const bearer = sessionFromCookie(outcome.cookie);
      if (!bearer) {
        throw new AppFailure('server_error', 'Rancher’s session cookie was not a Rancher token.');
      }
      run.progress('exchanging');
      return { bearer, expiresAt: null };
    },
  });
}
