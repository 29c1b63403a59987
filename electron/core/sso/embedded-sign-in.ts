import { randomUUID } from 'node:crypto';
import { AppFailure } from '../app-failure';
import type { SsoProvider } from '../rancher/sso-api';
import type { EmbeddedStop, EmbeddedWindowSpec } from '../sign-in-ports';
import { createEmbeddedNavigation, hostsOf } from './embedded-navigation';
import type { FlowEnv, StartedFlow } from './flow-types';
import { providerDisplayName } from './sign-in-methods';

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
 * sandboxed, isolated, without Node or a preload, `https:` navigation only and only to the server
 * and its IdP (`providerHosts`, from the provider list), a visible host bar, pop-ups and
 * permissions denied; it starts on Rancher's own login page.
 */
export function embeddedWindowSpec(
  serverOrigin: string,
  timeoutMs: number,
  providerHosts: readonly string[] = [],
): EmbeddedWindowSpec {
  const origin = new URL(serverOrigin).origin;
  const navigation = createEmbeddedNavigation(origin, providerHosts);
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
    allowNavigation: navigation.allow,
    verdict: navigation.verdict,
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
  const spec = embeddedWindowSpec(
    env.origin,
    env.timing.embeddedTimeoutMs,
    providerHostsOf(env.provider),
  );
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
          `The ${name} sign-in was not finished within ${spanText(spec.timeoutMs)}.`,
        );
      }
      if (outcome.kind === 'stopped') throw stopFailure(outcome.stop, name, spec.serverOrigin);
      const bearer = sessionFromCookie(outcome.cookie);
      if (!bearer) {
        throw new AppFailure('server_error', 'Rancher’s session cookie was not a Rancher token.');
      }
      run.progress('exchanging');
      return { bearer, expiresAt: null };
    },
  });
}

/** The IdP hosts a provider object names (its authorize `redirectUrl`, Azure's endpoints). */
export function providerHostsOf(provider: SsoProvider): string[] {
  return hostsOf([provider.redirectUrl, provider.authUrl]);
}

/** One sentence per way a page can end the run (issue 15: every failure explained). */
export function stopFailure(stop: EmbeddedStop, name: string, serverOrigin: string): AppFailure {
  switch (stop.kind) {
    case 'blocked':
      return new AppFailure(
        'server_error',
        `The sign-in page went to ${stop.host || 'an address'}, which is neither ${new URL(serverOrigin).host} nor its identity provider, so Rancher Keys stopped it.`,
      );
    case 'disallowed_useragent':
      return new AppFailure(
        'forbidden',
        `${name} refuses to sign in inside an app’s window (disallowed_useragent), so sign in another way or paste an API key from the Rancher dashboard.`,
      );
    case 'denied':
      return new AppFailure('forbidden', `The sign-in was declined at ${name}.`);
    case 'idp_error':
      return new AppFailure(
        'server_error',
        `${name} answered the sign-in with an error instead of signing you in.`,
      );
    case 'rancher_error':
      return new AppFailure(
        'server_error',
        `Rancher could not complete the ${name} sign-in (it took too long, or your account is not allowed on this server).`,
      );
  }
}

/** "10 minutes", or "30 seconds" under a minute. */
function spanText(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;
}
