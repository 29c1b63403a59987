import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import type {
  EmbeddedOutcome,
  EmbeddedSignInWindow,
  EmbeddedWindowSpec,
} from '../../electron/core/sign-in-ports';
import { embeddedRunEnd } from '../../electron/core/sso/embedded-run';
import {
  isAllowedSignInNavigation,
  mainFrameVerdict,
} from '../../electron/main/sign-in/embedded-window-options';
import { autoSubmit, createCookieJar } from './http-journey';

/** Electron's default user agent: Chromium's, with the app and `Electron/<version>` in it. */
export const ELECTRON_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) rancher-keys/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36';

interface Answer {
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
}

/** One request over http or https, trusting `ca` (the simulator's and the fake IdP's CA). */
function send(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string; ca: string[] },
  signal: AbortSignal,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      { method: init.method, headers: init.headers, ca: init.ca, signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = res.headers['set-cookie'];
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            setCookie: Array.isArray(raw) ? raw : raw ? [raw] : [],
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** One main-frame load the window made. */
export interface WindowVisit {
  method: string;
  url: string;
  status: number;
}

/**
 * The EmbeddedSignInWindow port's test implementation (Electron cannot run here): the window's
 * page walked with plain HTTP, doing what electron-embedded-sign-in-window.ts does with the same
 * spec. Each run has its own cookie jar (the in-memory partition), sends Electron's user agent,
 * applies main's https floor and the core's `verdict` to every main-frame navigation and redirect
 * (ending the run with `stopped` as the shell does), harvests `spec.cookieName` only as set on
 * `spec.serverOrigin`, ends at `spec.timeoutMs` or when `signal` aborts, and clears the jar before
 * it settles. The user's part: it submits the form a page marks `data-auto-submit` (the choice
 * the fake IdP's hooks make); on a page without one the user sits there (until `close()`, the
 * timeout or the abort).
 */
export function createHttpEmbeddedWindow(options: { ca?: string[] } = {}): EmbeddedSignInWindow & {
  readonly specs: EmbeddedWindowSpec[];
  readonly visits: WindowVisit[];
  readonly outcomes: EmbeddedOutcome[];
  /** The signal of each run (aborted when the core cancelled it). */
  readonly signals: AbortSignal[];
  /** The user closes the window of the current run. */
  close(): void;
} {
  const specs: EmbeddedWindowSpec[] = [];
  const visits: WindowVisit[] = [];
  const outcomes: EmbeddedOutcome[] = [];
  const signals: AbortSignal[] = [];
  let closeCurrent: (() => void) | null = null;

  async function walk(
    spec: EmbeddedWindowSpec,
    jar: ReturnType<typeof createCookieJar>,
    signal: AbortSignal,
  ): Promise<EmbeddedOutcome | null> {
    const server = new URL(spec.serverOrigin);
    let from: string | null = null;
    let url = new URL(spec.startUrl);
    let method = 'GET';
    let body: string | undefined;
    for (let step = 0; step < 30; step++) {
      const stop = mainFrameVerdict(spec, url.href, from);
      if (stop) return { kind: 'stopped', stop };
      const headers: Record<string, string> = { 'User-Agent': ELECTRON_USER_AGENT };
      const cookie = jar.header(url);
      if (cookie) headers.Cookie = cookie;
      if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const res = await send(url, { method, headers, body, ca: options.ca ?? [] }, signal);
      visits.push({ method, url: url.href, status: res.status });
      jar.keep(url, res.setCookie);
      const session = jar.get(server, spec.cookieName);
      if (session) return { kind: 'session', cookie: session };
      from = url.href;
      if (res.status >= 300 && res.status < 400 && res.location) {
        url = new URL(res.location, url);
        method = 'GET';
        body = undefined;
        continue;
      }
      const next = autoSubmit(res.text, url);
      if (!next) return null;
      url = next.url;
      method = 'POST';
      body = next.body;
    }
    return null;
  }

  return {
    specs,
    visits,
    outcomes,
    signals,
    close: () => closeCurrent?.(),
    run(spec, signal) {
      specs.push(spec);
      signals.push(signal);
      const jar = createCookieJar();
      const inner = new AbortController();
      const end = embeddedRunEnd(spec.timeoutMs, signal, (outcome) => {
        inner.abort();
        closeCurrent = null;
        jar.clear();
        outcomes.push(outcome);
      });
      if (end.settled()) return end.outcome;
      closeCurrent = () => end.finish({ kind: 'closed' });
      if (!(isAllowedSignInNavigation(spec.startUrl) && spec.allowNavigation(spec.startUrl))) {
        end.finish({ kind: 'closed' });
        return end.outcome;
      }
      walk(spec, jar, inner.signal).then(
        (outcome) => {
          if (outcome) end.finish(outcome);
        },
        () => undefined,
      );
      return end.outcome;
    },
  };
}
