import { BaseWindow, session, WebContentsView } from 'electron';
import type { Logger } from '../../core/log';
import type {
  EmbeddedOutcome,
  EmbeddedSignInWindow,
  EmbeddedWindowSpec,
} from '../../core/sign-in-ports';
import { denyPermissionCheck, denyPermissionRequest } from '../web/web-guards';
import { embeddedRunEnd } from '../../core/sso/embedded-run';
import {
  createSignInNavigationGuard,
  mainFrameVerdict,
  embeddedSignInWindowOptions,
  hostBarDocument,
  hostBarLayout,
  isAllowedStartPage,
} from './embedded-window-options';

/**
 * The EmbeddedSignInWindow port in Electron (rancher-sso.md §5 D-harvest, §8): a window with a
 * read-only host bar over the IdP's page, in the spec's own in-memory partition. It settles when
 * the server's session cookie appears (read from the partition, HttpOnly included), when the user
 * closes the window, at the timeout, or when the core aborts; in every case the window is closed
 * and the partition's storage, cache and auth cache are cleared before it settles. Every decision
 * (options, navigation, layout, the bar's text) is a pure function tested in
 * embedded-window-options.test.ts; this adapter only calls Electron.
 */
export function createElectronEmbeddedSignInWindow(options: { log: Logger }): EmbeddedSignInWindow {
  const { log } = options;
  return {
    run(spec: EmbeddedWindowSpec, signal: AbortSignal): Promise<EmbeddedOutcome> {
      const built = embeddedSignInWindowOptions(spec);
      const ses = session.fromPartition(spec.partition, { cache: false });
      ses.setPermissionRequestHandler(denyPermissionRequest);
      ses.setPermissionCheckHandler(denyPermissionCheck);

      const win = new BaseWindow(built.window);
      const bar = new WebContentsView({ webPreferences: built.hostBar });
      const page = new WebContentsView({ webPreferences: built.page });
      win.contentView.addChildView(bar);
      win.contentView.addChildView(page);
      const layout = () => {
        const { bar: b, page: p } = hostBarLayout(win.getContentBounds());
        bar.setBounds(b);
        page.setBounds(p);
      };
      layout();
      win.on('resize', layout);

      const showHost = (url: string) => {
        bar.webContents.loadURL(hostBarDocument(url)).catch(() => undefined);
      };
      const contents = page.webContents;
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      contents.on('will-attach-webview', (event) => event.preventDefault());
      contents.on('did-navigate', (_event, url) => showHost(url));
      contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
        if (isMainFrame) showHost(url);
      });

      let onCookie: (...args: [unknown, { name: string }, string, boolean]) => void = () =>
        undefined;
      const end = embeddedRunEnd(spec.timeoutMs, signal, async () => {
        ses.cookies.off('changed', onCookie);
        if (!win.isDestroyed()) win.destroy();
        for (const view of [page, bar]) {
          if (!view.webContents.isDestroyed()) view.webContents.close();
        }
        // The partition is memory-only, but it lives until the app quits: wipe it now.
        const results = await Promise.allSettled([
          ses.clearStorageData(),
          ses.clearCache(),
          ses.clearAuthCache(),
        ]);
        if (results.some((r) => r.status === 'rejected')) {
          log.warn('sign-in window: its session could not be cleared completely');
        }
      });
      const finish = (outcome: EmbeddedOutcome) => end.finish(outcome);
      if (end.settled()) return end.outcome;
      const check = () => {
        ses.cookies
          .get({ url: spec.serverOrigin, name: spec.cookieName })
          .then((found) => {
            const cookie = found.find((c) => c.value !== '');
            if (cookie) finish({ kind: 'session', cookie: cookie.value });
          })
          .catch(() => undefined);
      };
      onCookie = (_event, cookie, _cause, removed) => {
        if (!removed && cookie.name === spec.cookieName) check();
      };
      // The main frame: the core's verdict on every navigation, redirect and loaded page (a
      // refused host, the IdP's refusal, Rancher's error page end the run); `current` is where
      // the frame is, the page or redirect a navigation leaves. Subframes: https only.
      let current: string | null = null;
      const mainFrame = (event: { preventDefault(): void }, url: string) => {
        const stop = mainFrameVerdict(spec, url, current);
        if (stop) {
          event.preventDefault();
          finish({ kind: 'stopped', stop });
          return;
        }
        current = url;
      };
      const subframe = createSignInNavigationGuard(() => true);
      contents.on('will-navigate', (event, url) => mainFrame(event, url));
      contents.on('will-redirect', (event, url, _inPlace, isMainFrame) =>
        isMainFrame ? mainFrame(event, url) : subframe(event, url),
      );
      contents.on('will-frame-navigate', (details) =>
        details.isMainFrame ? mainFrame(details, details.url) : subframe(details, details.url),
      );
      contents.on('did-navigate', (event, url) => mainFrame(event, url));
      // The dashboard moves to its login page with `err` by its own router, in the page.
      contents.on('did-navigate-in-page', (event, url, isMainFrame) => {
        if (isMainFrame) mainFrame(event, url);
      });
      ses.cookies.on('changed', onCookie);
      win.on('closed', () => finish({ kind: 'closed' }));

      showHost(spec.startUrl);
      if (!isAllowedStartPage(spec)) {
        log.warn('sign-in window: the start page is not an allowed https address');
        finish({ kind: 'closed' });
        return end.outcome;
      }
      current = spec.startUrl;
      contents.loadURL(spec.startUrl).catch(() => undefined);
      win.show();
      return end.outcome;
    },
  };
}
