import type { BaseWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type { EmbeddedStop, EmbeddedWindowSpec } from '../../core/sign-in-ports';

/**
 * Every sign-in window's session partition starts with this. Without Electron's `persist:` prefix
 * a partition lives in memory only: nothing the IdP sets (cookies, storage, cache) reaches disk.
 */
export const signInPartitionPrefix = 'rk-sso-';

/** How tall the host bar above the page is, in DIPs. */
export const hostBarHeight = 34;

/** What the embedded sign-in window is built from: the window, its page view and its host bar. */
export interface EmbeddedWindowOptions {
  window: BaseWindowConstructorOptions;
  /** The IdP's pages. */
  page: WebPreferences;
  /** Our read-only host bar: a static document, scripts off. */
  hostBar: WebPreferences;
}

/**
 * The embedded sign-in window's options (rancher-sso.md §8), from the core's spec: the spec's
 * non-persistent partition, then main's own hardening on top of the spec's `webPreferences`, so
 * no spec can loosen it: the sandbox, context isolation, no Node anywhere, no preload (nothing of
 * ours runs in the IdP's pages), no <webview>, no devtools, safe dialogs, web security on. The
 * host bar shares the partition (so it is cleared with it) and runs no script at all. Pure, so
 * every setting is unit-tested.
 */
export function embeddedSignInWindowOptions(
  spec: Pick<EmbeddedWindowSpec, 'partition' | 'title' | 'webPreferences'>,
): EmbeddedWindowOptions {
  const { partition } = spec;
  if (
    !partition.startsWith(signInPartitionPrefix) ||
    partition.length <= signInPartitionPrefix.length
  ) {
    throw new Error('the sign-in window needs its own in-memory rk-sso- partition');
  }
  return {
    window: {
      width: 900,
      height: 720,
      minWidth: 480,
      minHeight: 420,
      show: false,
      title: spec.title,
      autoHideMenuBar: true,
    },
    page: {
      ...spec.webPreferences,
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
      spellcheck: false,
    },
    hostBar: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/**
 * Whether the sign-in window may go to `raw`: https only, without credentials in the URL (main's
 * own floor under the spec's `allowNavigation`). The IdP's pages may move between https hosts
 * (Rancher → IdP → Rancher); anything else (http:, file:, data:, custom schemes, javascript:) is
 * stopped.
 */
export function isAllowedSignInNavigation(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '';
}

/** A URL's host for a message ('' when it has none). */
function hostOf(raw: string): string {
  try {
    return new URL(raw).host.slice(0, 253);
  } catch {
    return '';
  }
}

/**
 * What a main-frame navigation, redirect or page at `url` (leaving `from`) means for the run:
 * main's https floor ({@link isAllowedSignInNavigation}; anything else is a refused host), then
 * the core's verdict. Null to go on.
 */
export function mainFrameVerdict(
  spec: Pick<EmbeddedWindowSpec, 'verdict'>,
  url: string,
  from: string | null,
): EmbeddedStop | null {
  return isAllowedSignInNavigation(url)
    ? spec.verdict(url, from)
    : { kind: 'blocked', host: hostOf(url) };
}

/**
 * A navigation guard (`will-navigate` / `will-redirect` / `will-frame-navigate`): stopped unless
 * both `allow` and {@link isAllowedSignInNavigation} allow it.
 */
export function createSignInNavigationGuard(
  allow: (url: string) => boolean,
): (event: { preventDefault(): void }, url: string) => void {
  return (event, url) => {
    if (!(isAllowedSignInNavigation(url) && allow(url))) event.preventDefault();
  };
}

/** The same rule for the start page, before anything loads. */
export function isAllowedStartPage(
  spec: Pick<EmbeddedWindowSpec, 'startUrl' | 'allowNavigation'>,
): boolean {
  return isAllowedSignInNavigation(spec.startUrl) && spec.allowNavigation(spec.startUrl, null);
}

/** The host bar across the top and the page below it, for a window content size. */
export function hostBarLayout(size: { width: number; height: number }): {
  bar: Rectangle;
  page: Rectangle;
} {
  const width = Math.max(0, Math.round(size.width));
  const height = Math.max(0, Math.round(size.height));
  const bar = Math.min(hostBarHeight, height);
  return {
    bar: { x: 0, y: 0, width, height: bar },
    page: { x: 0, y: bar, width, height: height - bar },
  };
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The host bar's document, as a `data:` URL: a lock and the page's origin as the URL parser
 * spells it (a lookalike host shows as punycode), or "Not secure" for anything but https. The
 * origin is HTML-escaped and the document allows no script, so no page can put markup here.
 */
export function hostBarDocument(raw: string): string {
  let origin = 'about:blank';
  let secure = false;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
    secure = url.protocol === 'https:';
  } catch {
    // An unparsable address shows as blank; the guard refuses to go there anyway.
  }
  const text = origin.replace(/[&<>"']/g, (c) => escapes[c]!);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<title>Address</title><style>' +
    'html,body{margin:0;height:100%}' +
    'body{display:flex;align-items:center;gap:8px;padding:0 12px;box-sizing:border-box;' +
    'font:13px system-ui,sans-serif;background:#eef0f3;color:#1d232b;border-bottom:1px solid #c4cad2}' +
    '.label{color:#5b6572}.host{font-family:ui-monospace,monospace;font-weight:600}' +
    '.warn{color:#b3261e;font-weight:600}</style></head><body>' +
    '<span class="label">Sign-in inside Rancher Keys</span>' +
    (secure ? '<span aria-label="Secure">🔒</span>' : '<span class="warn">Not secure</span>') +
    `<span class="host">${text}</span></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
