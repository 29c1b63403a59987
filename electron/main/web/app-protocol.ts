import path from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';

/**
 * The renderer is served from a privileged custom scheme rather than file://, so every page has
 * one real origin that the IPC sender check can compare against, and file:// stays closed.
 */
export const appScheme = 'app';
export const appHost = 'rancher-keys';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * `protocol.registerSchemesAsPrivileged` entry: a standard, secure scheme (a real origin, CSP,
 * fetch). `corsEnabled` lets Vite's `<script type="module" crossorigin>` load from it; other
 * origins still cannot read responses, which carry no Access-Control-Allow-Origin header.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; unknown extensions are served as opaque bytes. */
export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://rancher-keys/...` URL to a file inside `rootDir`, or null when the URL is not
 * ours or would leave the directory (`..`, encoded separators, NUL, absolute or drive paths).
 * `/` is the entry page.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** Headers sent with every response of the app scheme. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': mimeTypeOf(file),
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/**
 * The `protocol.handle('app', …)` handler: serves files of `rootDir` with the CSP header;
 * 404 for anything outside it or missing; 405 for anything but GET/HEAD. `readFile` is injected
 * (Electron's fs reads inside app.asar; tests use a temp dir).
 */
export function createAppProtocolHandler(options: {
  rootDir: string;
  readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>>;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const file = resolveAppFile(options.rootDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await options.readFile(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Blob([body]), {
      status: 200,
      headers: appResponseHeaders(file),
    });
  };
}
