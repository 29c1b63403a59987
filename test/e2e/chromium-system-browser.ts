import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SystemBrowser } from '../../electron/core/sign-in-ports';

/** The e2e "system browser": Chromium pages the test can look at and click in. */
export interface ChromiumSystemBrowser extends SystemBrowser {
  /** Every URL the core asked to open, in order. */
  readonly opened: string[];
  /** The page opened last; waits for one. */
  lastPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The SystemBrowser port for the e2e suite (the app's is `shell.openExternal`): each `open` shows
 * the page in a tab of a second Chromium context, the user's own browser, separate from the app's
 * page and its cookies. Its pages run their scripts, so the simulator's dashboard page and the fake
 * IdP's self-submitting forms behave as in a real browser; the test clicks where a user would. The
 * simulator's self-signed certificate is accepted in that context only, as a user's browser trusts
 * the company CA. `open` resolves once the tab is there, like `openExternal`.
 */
export function createChromiumSystemBrowser(browser: Browser): ChromiumSystemBrowser {
  let context: Promise<BrowserContext> | null = null;
  const pages: Page[] = [];
  const opened: string[] = [];
  return {
    opened,
    async open(url) {
      opened.push(url);
      context ??= browser.newContext({ ignoreHTTPSErrors: true });
      const page = await (await context).newPage();
      pages.push(page);
      page.goto(url).catch(() => undefined);
    },
    async lastPage() {
      for (let i = 0; i < 100 && pages.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const page = pages.at(-1);
      if (!page) throw new Error('the app opened no page in the browser');
      return page;
    },
    async close() {
      if (context) await (await context).close();
    },
  };
}
