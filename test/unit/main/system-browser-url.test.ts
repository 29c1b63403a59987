import { describe, expect, it } from 'vitest';
import { systemBrowserUrl } from '../../../electron/main/sign-in/system-browser-url';

describe('systemBrowserUrl', () => {
  it('passes an https sign-in page, as the URL parser spells it', () => {
    expect(
      systemBrowserUrl(
        'https://rancher.example.com/dashboard/auth/login?cli=true&requestId=abc&responseType=kubeconfig',
      ),
    ).toBe(
      'https://rancher.example.com/dashboard/auth/login?cli=true&requestId=abc&responseType=kubeconfig',
    );
    expect(systemBrowserUrl('https://microsoft.com/devicelogin')).toBe(
      'https://microsoft.com/devicelogin',
    );
  });

  it('passes plain http only on loopback', () => {
    expect(systemBrowserUrl('http://127.0.0.1:4567/tenant/oauth2/v2.0/authorize')).not.toBeNull();
    expect(systemBrowserUrl('http://localhost:4567/')).not.toBeNull();
    expect(systemBrowserUrl('http://[::1]:4567/')).not.toBeNull();
    expect(systemBrowserUrl('http://rancher.example.com/')).toBeNull();
    expect(systemBrowserUrl('http://127.0.0.1.evil.io/')).toBeNull();
  });

  it('refuses other schemes, credentials, oversized and unparsable input', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:',
      'https://user:pw@rancher.example.com/',
      `https://rancher.example.com/${'a'.repeat(9000)}`,
      'not a url',
      '',
    ]) {
      expect(systemBrowserUrl(url), url.slice(0, 40)).toBeNull();
    }
  });
});
