import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  createAppProtocolHandler,
  mimeTypeOf,
  resolveAppFile,
} from '../../../electron/main/web/app-protocol';
import { contentSecurityPolicy } from '../../../electron/main/web/content-security-policy';

const root = mkdtempSync(path.join(tmpdir(), 'rk-renderer-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'rk-secret.txt'), 'outside');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps the entry URL and asset URLs to files inside the root', () => {
    expect(resolveAppFile(root, appEntryUrl)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rancher-keys/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rancher-keys/assets/app.js?v=1#x')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
  });

  it('refuses paths that climb out of the root, however they are spelt', () => {
    // The URL parser already resolves literal dot segments: they cannot leave the root.
    for (const url of [
      'app://rancher-keys/../rk-secret.txt',
      'app://rancher-keys/%2e%2e/rk-secret.txt',
    ]) {
      expect(resolveAppFile(root, url), url).toBe(path.join(root, 'rk-secret.txt'));
    }
    for (const url of [
      'app://rancher-keys/assets/%2e%2e%2f%2e%2e%2frk-secret.txt',
      'app://rancher-keys/assets/..%5c..%5crk-secret.txt',
      'app://rancher-keys/%00index.html',
      'app://rancher-keys/C:/Windows/win.ini',
      'app://rancher-keys/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('refuses another scheme or host', () => {
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it('names scripts as JavaScript so module scripts load, and unknown files as bytes', () => {
    expect(mimeTypeOf('a/b.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('x.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const handle = createAppProtocolHandler({ rootDir: root, readFile: (f) => readFile(f) });

  it('serves a file with the CSP header when it exists', async () => {
    const response = await handle(new Request(appEntryUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('answers 404 for a missing file and for a traversal attempt', async () => {
    expect((await handle(new Request('app://rancher-keys/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://rancher-keys/%2e%2e/rk-secret.txt'))).status).toBe(404);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    expect((await handle(new Request(appEntryUrl, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});

describe('contentSecurityPolicy', () => {
  it('is the same policy as the meta tag of renderer/index.html', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });

  it('allows no inline script, no eval and no remote origin', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
