import { describe, expect, it } from 'vitest';
import {
  embeddedSignInWindowOptions,
  hostBarTitle,
  isAllowedSignInNavigation,
  signInPartition,
  signInPartitionPrefix,
} from '../../../electron/main/sign-in/embedded-window-options';

const id = '3f2b8c1e-7d4a-4b9e-9c11-0a2b3c4d5e6f';

describe('signInPartition', () => {
  it('names an in-memory partition of its own when given a random id', () => {
    const partition = signInPartition(id);
    expect(partition).toBe(`rk-sso-${id}`);
    expect(partition.startsWith('persist:')).toBe(false);
  });

  it('refuses an id that is not a random id (a path, a persist: name, nothing)', () => {
    for (const bad of ['', 'persist:x', '../default', 'abc']) {
      expect(() => signInPartition(bad), bad).toThrow();
    }
  });
});

describe('embeddedSignInWindowOptions', () => {
  const options = embeddedSignInWindowOptions({
    partition: signInPartition(id),
    title: 'Sign in',
  });
  const prefs = options.webPreferences ?? {};

  it('runs the IdP pages sandboxed and isolated, without Node, when built', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('loads no preload and uses the given non-persistent partition', () => {
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs.partition).toBe(`rk-sso-${id}`);
    expect(prefs).not.toHaveProperty('session');
  });

  it('leaves webSecurity and insecure content at their safe defaults', () => {
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });

  it('opens hidden until the page is ready, titled as given', () => {
    expect(options).toMatchObject({ show: false, title: 'Sign in' });
  });

  it("refuses the app's own session or a persistent partition", () => {
    expect(() =>
      embeddedSignInWindowOptions({ partition: 'persist:rk-sso-x', title: 't' }),
    ).toThrow();
    expect(() => embeddedSignInWindowOptions({ partition: '', title: 't' })).toThrow();
    expect(signInPartitionPrefix).toBe('rk-sso-');
  });
});

describe('isAllowedSignInNavigation', () => {
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
});

describe('hostBarTitle', () => {
  it("shows the page's origin after a fixed label", () => {
    expect(hostBarTitle('https://login.example.com/a/b?c=d')).toBe(
      'Sign in inside Rancher Keys — https://login.example.com',
    );
  });

  it('shows a lookalike host as punycode, never as the look it imitates', () => {
    expect(hostBarTitle('https://rаncher.example.com/')).toContain('xn--');
  });

  it('shows nothing of an address that is not a web page', () => {
    expect(hostBarTitle('javascript:alert(document.title)')).toBe(
      'Sign in inside Rancher Keys — about:blank',
    );
    expect(hostBarTitle('garbage')).toBe('Sign in inside Rancher Keys — about:blank');
  });
});
