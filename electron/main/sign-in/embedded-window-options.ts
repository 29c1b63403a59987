import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Every sign-in window's session partition starts with this. Without Electron's `persist:` prefix
 * a partition lives in memory only: nothing the IdP sets (cookies, storage, cache) reaches disk.
 */
export const signInPartitionPrefix = 'rk-sso-';

/** A fresh, in-memory partition name for one sign-in (`id` a random UUID). */
export function signInPartition(id: string): string {
  if (!/^[0-9a-f-]{8,64}$/i.test(id)) throw new Error('a sign-in partition needs a random id');
  return `${signInPartitionPrefix}${id}`;
}

/**
 * The options of the embedded sign-in window (rancher-sso.md §8): its own non-persistent
 * partition, the sandbox, context isolation, no Node anywhere, no preload (nothing of ours runs
 * in the IdP's pages), no <webview>, safe dialogs, no drag-and-drop navigation. webSecurity and
 * insecure content stay at their safe defaults. Pure, so every setting is unit-tested.
 */
export function embeddedSignInWindowOptions(options: {
  partition: string;
  title: string;
  parent?: BrowserWindowConstructorOptions['parent'];
}): BrowserWindowConstructorOptions {
  if (!options.partition.startsWith(signInPartitionPrefix)) {
    throw new Error('the sign-in window needs its own rk-sso- partition');
  }
  return {
    width: 900,
    height: 720,
    minWidth: 480,
    minHeight: 480,
    show: false,
    title: options.title,
    autoHideMenuBar: true,
    ...(options.parent ? { parent: options.parent } : {}),
    webPreferences: {
      partition: options.partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      devTools: false,
    },
  };
}

/**
 * Whether the sign-in window may go to `raw`: https only, without credentials in the URL. The
 * IdP's pages may move between https hosts (Rancher → IdP → Rancher); anything else (http:,
 * file:, data:, custom schemes, javascript:) is stopped.
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

/**
 * The window's title, its host bar: the page's origin as the URL parser spells it (so a lookalike
 * shows as punycode), after a fixed label. The page cannot change it: the window refuses
 * `page-title-updated`.
 */
export function hostBarTitle(raw: string): string {
  let host = 'about:blank';
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') host = url.origin;
  } catch {
    // An unparsable address shows as blank; navigation to it is refused anyway.
  }
  return `Sign in inside Rancher Keys — ${host}`;
}
