import { describe, expect, it } from 'vitest';
import {
  createNavigationGuard,
  createWindowOpenHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
} from '../../../electron/main/web/web-guards';

const allow = { serverOrigins: ['https://rancher.example.com', 'http://127.0.0.1:8080'] };

/** Stands in for `shell.openExternal` plus our allowlist, recording what was opened. */
function policy() {
  const opened: string[] = [];
  return {
    opened,
    isAllowed: (url: string) => isAllowedExternalUrl(url, allow),
    openExternal: (url: string) => void opened.push(url),
  };
}

describe('isAllowedExternalUrl', () => {
  it('allows a configured Rancher server, on any path', () => {
    expect(isAllowedExternalUrl('https://rancher.example.com/dashboard/account', allow)).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:8080/', allow)).toBe(true);
  });

  it('allows the project documentation and Rancher docs over https', () => {
    expect(isAllowedExternalUrl('https://github.com/rancher-keys/rancher-keys#readme', allow)).toBe(
      true,
    );
    expect(
      isAllowedExternalUrl('https://ranchermanager.docs.rancher.com/api/api-tokens', allow),
    ).toBe(true);
  });

  it('refuses a lookalike path or host next to the documentation', () => {
    expect(isAllowedExternalUrl('https://github.com/rancher-keys/rancher-keys-evil', allow)).toBe(
      false,
    );
    expect(isAllowedExternalUrl('https://github.com/evil', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://rancher.example.com.evil.io/', allow)).toBe(false);
    expect(isAllowedExternalUrl('http://github.com/rancher-keys/rancher-keys', allow)).toBe(false);
  });

  it('refuses other schemes, other ports, credentials and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://rancher.example.com/share',
      'https://rancher.example.com:8443/',
      'https://user:pw@rancher.example.com/',
      'http://rancher.example.com/',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url, allow), url).toBe(false);
    }
  });
});

describe('createWindowOpenHandler', () => {
  it('denies every new window and hands an allowed link to the browser', () => {
    const p = policy();
    const handler = createWindowOpenHandler(p);
    expect(handler({ url: 'https://rancher.example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(p.opened).toEqual(['https://rancher.example.com/']);
  });
});

describe('createNavigationGuard', () => {
  it('prevents every navigation and opens only allowed external links', () => {
    const p = policy();
    const guard = createNavigationGuard(p, 'app://rancher-keys');
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    guard(event, 'https://evil.example/phish');
    guard(event, 'app://rancher-keys/other.html');
    guard(event, 'https://rancher.example.com/dashboard');
    guard(event, '::');
    expect(prevented).toBe(4);
    expect(p.opened).toEqual(['https://rancher.example.com/dashboard']);
  });
});

describe('permission handlers', () => {
  it('refuse every permission request and check', () => {
    const answers: boolean[] = [];
    denyPermissionRequest(null, 'notifications', (granted) => answers.push(granted));
    denyPermissionRequest(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(denyPermissionCheck()).toBe(false);
  });
});
