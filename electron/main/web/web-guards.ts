import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** Where links may go outside the app, besides the configured Rancher servers. */
export const documentationUrls: readonly string[] = [
  'https://github.com/rancher-keys/rancher-keys',
  'https://ranchermanager.docs.rancher.com/',
];

/**
 * Whether a link may be opened in the user's browser: it must parse, be http(s) without
 * credentials, and either have the exact origin of a configured Rancher server or lie under one
 * of the documentation URLs. https only for documentation; a server configured over http keeps
 * its own origin.
 */
export function isAllowedExternalUrl(
  raw: string,
  allow: { serverOrigins: Iterable<string>; documentation?: readonly string[] },
): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  for (const origin of allow.serverOrigins) {
    let server: URL;
    try {
      server = new URL(origin);
    } catch {
      continue;
    }
    if (url.origin === server.origin) return true;
  }
  if (url.protocol !== 'https:') return false;
  return (allow.documentation ?? documentationUrls).some((prefix) => {
    const base = new URL(prefix);
    if (url.origin !== base.origin) return false;
    const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return url.pathname === base.pathname || url.pathname.startsWith(basePath);
  });
}

/** What the guards need: the allowlist check and the way out to the browser. */
export interface ExternalLinkPolicy {
  isAllowed(url: string): boolean;
  openExternal(url: string): void;
}

/**
 * `webContents.setWindowOpenHandler`: never a new Electron window. An allowed link (a
 * `target=_blank` anchor to a Rancher server) is handed to the browser.
 */
export function createWindowOpenHandler(
  policy: ExternalLinkPolicy,
): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (policy.isAllowed(url)) policy.openExternal(url);
    return { action: 'deny' };
  };
}

/**
 * `will-navigate` / `will-redirect`: the window never leaves the app's page. A navigation to an
 * allowed link goes to the browser instead.
 */
export function createNavigationGuard(
  policy: ExternalLinkPolicy,
  appOrigin: string,
): (event: { preventDefault(): void }, url: string) => void {
  return (event, url) => {
    event.preventDefault();
    let origin: string;
    try {
      const parsed = new URL(url);
      origin = `${parsed.protocol}//${parsed.host}`;
    } catch {
      return;
    }
    if (origin !== appOrigin && policy.isAllowed(url)) policy.openExternal(url);
  };
}

/** `session.setPermissionRequestHandler`: every request (camera, notifications, …) is refused. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** `session.setPermissionCheckHandler`: every check answers "not granted". */
export function denyPermissionCheck(): boolean {
  return false;
}
