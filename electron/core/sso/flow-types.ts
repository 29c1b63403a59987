import type { SsoPrompt, SsoState } from '../../contract/sign-in';
import type { Logger } from '../log';
import type { RancherClient } from '../rancher/rancher-client';
import type { SsoProvider } from '../rancher/sso-api';
import type { ObtainedToken } from '../servers/sign-in-sessions';
import type { EmbeddedSignInWindow, SystemBrowser } from '../sign-in-ports';
import type { IdpHttp } from './idp-http';

/** How long flows wait and how often they poll; tests shorten them. */
export interface SsoTiming {
  /** SAML relay: the CLI's 10 s between polls, the first after 10 s (A5). */
  samlIntervalMs: number;
  /** SAML relay: the CLI's 15 minutes (A5). */
  samlDeadlineMs: number;
  /** Azure device code: polling interval when Entra names none (B3: 5 s). */
  deviceIntervalMs: number;
  /** Azure device code: added to the interval at each `slow_down` (B3: 5 s). */
  deviceSlowDownMs: number;
  /** Authorization code + PKCE: how long the loopback listener waits (C: 5 minutes). */
  pkceTimeoutMs: number;
  /** The embedded window's limit. */
  embeddedTimeoutMs: number;
  /** Waits `ms`, or rejects at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** An abortable wait on real timers. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const defaultSsoTiming: SsoTiming = {
  samlIntervalMs: 10_000,
  samlDeadlineMs: 15 * 60_000,
  deviceIntervalMs: 5_000,
  deviceSlowDownMs: 5_000,
  pkceTimeoutMs: 5 * 60_000,
  embeddedTimeoutMs: 10 * 60_000,
  sleep: abortableSleep,
};

/** What a flow gets to start. */
export interface FlowEnv {
  /** The server's origin, e.g. `https://rancher.example.com`. */
  origin: string;
  provider: SsoProvider;
  /** An anonymous client of the server (public endpoints). */
  client: RancherClient;
  browser: SystemBrowser | null;
  embedded: EmbeddedSignInWindow | null;
  /** Requests to identity providers, over the server's proxy and trust. */
  idp: IdpHttp;
  /** Aborts when the flow is cancelled, from its first request on (its start included). */
  signal: AbortSignal;
  timing: SsoTiming;
  now(): number;
  log: Logger;
}

/** What a flow needs while it runs. */
export interface FlowRun {
  signal: AbortSignal;
  progress(state: Extract<SsoState, 'waiting' | 'slowed_down' | 'exchanging'>): void;
}

/** A flow that has started: what the window shows, and the rest of the work. */
export interface StartedFlow {
  prompt: SsoPrompt;
  /** The page `auth:ssoOpenBrowser` opens again (already checked against the allowed hosts). */
  pageUrl: string | null;
  /** The device code's user code, for `auth:ssoCopyCode`. */
  userCode: string | null;
  /** Runs to the end: the Rancher token obtained (a secret), or a failure. */
  complete(run: FlowRun): Promise<ObtainedToken>;
  /** Releases what the flow holds (a listener); called once, whatever the outcome. */
  dispose?(): void;
}
