import { describe, expect, it } from 'vitest';
import { parseNoProxy } from '../../../../electron/core/network/no-proxy';

const bypass = (list: string | undefined, url: string) => parseNoProxy(list)(new URL(url));

describe('parseNoProxy', () => {
  it('bypasses nothing when the list is empty or missing', () => {
    expect(bypass(undefined, 'https://rancher.example.com')).toBe(false);
    expect(bypass(' , ', 'https://rancher.example.com')).toBe(false);
  });

  it('bypasses everything for *', () => {
    expect(bypass('*', 'https://rancher.example.com')).toBe(true);
    expect(bypass('foo.com, *', 'http://10.1.2.3:8080')).toBe(true);
  });

  it('matches a name and its subdomains, with or without a leading dot or *.', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com', 'EXAMPLE.com.']) {
      expect(bypass(entry, 'https://example.com')).toBe(true);
      expect(bypass(entry, 'https://rancher.eu.example.com')).toBe(true);
      expect(bypass(entry, 'https://notexample.com')).toBe(false);
      expect(bypass(entry, 'https://example.com.evil.net')).toBe(false);
    }
  });

  it('matches a port only when the entry names it (the scheme default otherwise)', () => {
    expect(bypass('rancher.local:8443', 'https://rancher.local:8443')).toBe(true);
    expect(bypass('rancher.local:8443', 'https://rancher.local')).toBe(false);
    expect(bypass('rancher.local:443', 'https://rancher.local')).toBe(true);
    expect(bypass('rancher.local:80', 'http://rancher.local')).toBe(true);
    expect(bypass('rancher.local', 'https://rancher.local:9443')).toBe(true);
  });

  it('matches IP addresses and CIDR ranges, IPv4 and IPv6, with ports', () => {
    expect(bypass('127.0.0.1', 'https://127.0.0.1:9443')).toBe(true);
    expect(bypass('10.0.0.0/8', 'https://10.20.30.40')).toBe(true);
    expect(bypass('10.0.0.0/8', 'https://11.0.0.1')).toBe(false);
    expect(bypass('::1', 'https://[::1]:8443')).toBe(true);
    expect(bypass('[::1]:8443', 'https://[::1]:8443')).toBe(true);
    expect(bypass('[::1]:8443', 'https://[::1]:9443')).toBe(false);
    expect(bypass('fd00::/8', 'https://[fd12::5]')).toBe(true);
    expect(bypass('192.168.0.0/16:443', 'https://192.168.1.1')).toBe(true);
  });

  it('does not treat loopback as implied (it must be listed)', () => {
    expect(bypass('example.com', 'https://localhost')).toBe(false);
    expect(bypass('example.com', 'https://127.0.0.1')).toBe(false);
  });

  it('ignores entries it cannot read instead of bypassing more than asked', () => {
    expect(bypass('10.0.0.0/99, a*b.com, /x', 'https://10.0.0.1')).toBe(false);
    expect(bypass('10.0.0.0/99, a*b.com, /x', 'https://axb.com')).toBe(false);
  });

  it('accepts spaces as separators, as some tools write them', () => {
    expect(bypass('foo.com bar.com', 'https://bar.com')).toBe(true);
  });
});
