import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import type {
  EmbeddedOutcome,
  EmbeddedSignInWindow,
  EmbeddedStop,
  EmbeddedWindowSpec,
} from '../../electron/core/sign-in-ports';
import { embeddedRunEnd } from '../../electron/core/sso/embedded-run';
import { mainFrameVerdict } from '../../electron/main/sign-in/embedded-window-options';
import { ELECTRON_USER_AGENT } from '../support/http-embedded-window';

/** The e2e embedded window: the page of each run, for the test to click in. */
export interface ChromiumEmbeddedWindow extends EmbeddedSignInWindow {
  readonly outcomes: EmbeddedOutcome[];
  /** The current run's page; waits for one. */
  lastPage(): Promise<Page>;
  /** Whether each run's browser context (its "partition") was closed when the run settled. */
  readonly discarded: boolean[];
}

/**
 * The EmbeddedSignInWindow port for the e2e suite (the app's is electron-embedded-sign-in-window.ts):
 * each run is a fresh Chromium context, the stand-in for the in-memory partition, with Electron's
 * user agent, on Rancher's login page. Like the shell it applies main's https floor and the core's
 * `verdict` to every main-frame navigation (routed, and cancelled when refused), redirect hop and
 * page change, ending with `stopped`; it settles with `spec.cookieName` read from the context for
 * `spec.serverOrigin` (HttpOnly included), at `spec.timeoutMs`, or when `signal` aborts; and it
 * closes the context (discarding its cookies and storage) before it settles. The simulator's
 * certificate is accepted, as the app trusts the server it added.
 */
export function createChromiumEmbeddedWindow(browser: Browser): ChromiumEmbeddedWindow {
  const outcomes: EmbeddedOutcome[] = [];
  const discarded: boolean[] = [];
  const pages: Page[] = [];

  async function run(spec: EmbeddedWindowSpec, signal: AbortSignal): Promise<EmbeddedOutcome> {
    const context: BrowserContext = await browser.newContext({
      ignoreHTTPSErrors: true,
      userAgent: ELECTRON_USER_AGENT,
    });
    const page = await context.newPage();
    pages.push(page);
    const index = discarded.push(false) - 1;
    let current: string | null = spec.startUrl;
    const poll = setInterval(() => harvest(), 100);
    const end = embeddedRunEnd(spec.timeoutMs, signal, async (outcome) => {
      clearInterval(poll);
      await context.close();
      discarded[index] = true;
      outcomes.push(outcome);
    });
    const finish = (outcome: EmbeddedOutcome) => end.finish(outcome);
    const judge = (url: string, from: string | null): EmbeddedStop | null =>
      mainFrameVerdict(spec, url, from);
    const isMainFrameNavigation = (request: Request) => {
      try {
        return request.isNavigationRequest() && request.frame() === page.mainFrame();
      } catch {
        return false;
      }
    };
    function harvest(): void {
      context
        .cookies(spec.serverOrigin)
        .then((cookies) => {
          const found = cookies.find((c) => c.name === spec.cookieName && c.value !== '');
          if (found) finish({ kind: 'session', cookie: found.value });
        })
        .catch(() => undefined);
    }
    if (end.settled()) return end.outcome;

    // A navigation the page starts: routed, so a refused one never leaves.
    void context.route('**/*', async (route) => {
      const request = route.request();
      if (isMainFrameNavigation(request)) {
        const stop = judge(request.url(), current);
        if (stop) {
          await route.abort().catch(() => undefined);
          return finish({ kind: 'stopped', stop });
        }
        current = request.url();
      }
      await route.continue().catch(() => undefined);
    });
    // Redirect hops are not routed: judged as they are requested.
    page.on('request', (request) => {
      const from = request.redirectedFrom();
      if (!from || !isMainFrameNavigation(request)) return;
      const stop = judge(request.url(), from.url());
      if (stop) finish({ kind: 'stopped', stop });
      else current = request.url();
    });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const stop = judge(frame.url(), current);
      if (stop) finish({ kind: 'stopped', stop });
    });
    page.on('response', harvest);
    page.goto(spec.startUrl).catch(() => undefined);
    return end.outcome;
  }

  return {
    outcomes,
    discarded,
    run,
    async lastPage() {
      for (let i = 0; i < 100 && pages.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const page = pages.at(-1);
      if (!page) throw new Error('the app opened no embedded window');
      return page;
    },
  };
}
