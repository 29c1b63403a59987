import { describe, expect, it } from 'vitest';
import { embeddedWindowSpec } from '../../../electron/core/sso/embedded-sign-in';
import {
  createSignInNavigationGuard,
  embeddedSignInWindowOptions,
  hostBarDocument,
  hostBarHeight,
  hostBarLayout,
  isAllowedSignInNavigation,
  isAllowedStartPage,
} from '../../../electron/main/sign-in/embedded-window-options';

// The core's own spec for a server (electron/core/sso/embedded-sign-in.ts), as the shell gets it.
const spec = embeddedWindowSpec('https://rancher.example.com', 60_000);
const { partition } = spec;

/** Decodes a `data:text/html` URL back to its markup. */
function html(dataUrl: string): string {
  const prefix = 'data:text/html;charset=utf-8,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  return decodeURIComponent(dataUrl.slice(prefix.length));
}

describe('embeddedSignInWindowOptions', () => {
  const built = embeddedSignInWindowOptions(spec);

  it('runs the IdP pages sandboxed and isolated, without Node or devtools, when built', () => {
    expect(built.page).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('loads no preload and uses the spec’s in-memory partition, in the page and the bar', () => {
    expect(built.page).not.toHaveProperty('preload');
    expect(built.hostBar).not.toHaveProperty('preload');
    expect(built.page.partition).toBe(partition);
    expect(built.hostBar.partition).toBe(partition);
    expect(built.page.partition?.startsWith('persist:')).toBe(false);
  });

  it('keeps its hardening even when a spec asks for less', () => {
    const loose = {
      ...spec,
      webPreferences: { ...spec.webPreferences, sandbox: false, nodeIntegration: true },
    } as unknown as typeof spec;
    expect(embeddedSignInWindowOptions(loose).page).toMatchObject({
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('runs no script in the host bar', () => {
    expect(built.hostBar).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('opens hidden, titled as the spec says', () => {
    expect(built.window).toMatchObject({
      show: false,
      title: 'Sign in to rancher.example.com — inside Rancher Keys',
    });
  });

  it("refuses the app's own session or a persistent partition", () => {
    for (const bad of ['persist:rk-sso-x', '', 'rk-sso-', 'default']) {
      expect(() => embeddedSignInWindowOptions({ ...spec, partition: bad }), bad).toThrow();
    }
  });
});

describe('navigation of the sign-in page', () => {
  it('allows https pages on any host (Rancher, then the IdP, then Rancher again)', () => {
    expect(isAllowedSignInNavigation('https://rancher.example.com/dashboard/auth/login')).toBe(
      true,
    );
    expect(isAllowedSignInNavigation('https://github.com/login/oauth/authorize?x=1')).toBe(true);
  });

  it('stops every other scheme, credentials in the URL and garbage', () => {
    for (const url of [
      'http://rancher.example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'rancher-keys://x',
      'https://user:pw@rancher.example.com/',
      'not a url',
    ]) {
      expect(isAllowedSignInNavigation(url), url).toBe(false);
    }
  });

  it('stops a navigation the core refuses, or one that is not https, and lets the rest through', () => {
    const guard = createSignInNavigationGuard((url) => !url.includes('blocked'));
    const stopped = (url: string) => {
      let prevented = false;
      guard({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(stopped('https://idp.example.com/login')).toBe(false);
    expect(stopped('https://idp.example.com/blocked')).toBe(true);
    expect(stopped('http://idp.example.com/login')).toBe(true);
  });

  it('checks the start page by the same rule before loading it', () => {
    const allowAll = () => true;
    expect(
      isAllowedStartPage({ startUrl: 'https://r.example.com/', allowNavigation: allowAll }),
    ).toBe(true);
    expect(
      isAllowedStartPage({ startUrl: 'http://r.example.com/', allowNavigation: allowAll }),
    ).toBe(false);
    expect(
      isAllowedStartPage({ startUrl: 'https://r.example.com/', allowNavigation: () => false }),
    ).toBe(false);
  });
});

describe('hostBarLayout', () => {
  it('puts the bar across the top and the page below it', () => {
    expect(hostBarLayout({ width: 900, height: 720 })).toEqual({
      bar: { x: 0, y: 0, width: 900, height: hostBarHeight },
      page: { x: 0, y: hostBarHeight, width: 900, height: 720 - hostBarHeight },
    });
  });

  it('never gives a negative size to a window squeezed below the bar', () => {
    const tiny = hostBarLayout({ width: 10, height: 5 });
    expect(tiny.page.height).toBe(0);
    expect(tiny.bar.height).toBe(5);
  });
});

describe('hostBarDocument', () => {
  it("shows the page's origin with a lock for https, and no path or query", () => {
    const doc = html(hostBarDocument('https://login.example.com/a/b?c=d'));
    expect(doc).toContain('<span class="host">https://login.example.com</span>');
    expect(doc).toContain('🔒');
    expect(doc).not.toContain('/a/b');
  });

  it('shows a lookalike host as punycode, never as the look it imitates', () => {
    expect(html(hostBarDocument('https://rаncher.example.com/'))).toContain('xn--');
  });

  it('says "Not secure" for plain http and allows no script in the bar', () => {
    const doc = html(hostBarDocument('http://127.0.0.1:8080/'));
    expect(doc).toContain('Not secure');
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain('<script');
  });

  it('shows nothing of an address that is not a web page', () => {
    const doc = html(hostBarDocument('javascript:alert(document.title)'));
    expect(doc).toContain('<span class="host">about:blank</span>');
    expect(doc).not.toContain('alert');
  });
});
