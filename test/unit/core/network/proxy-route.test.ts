import { describe, expect, it } from 'vitest';
import { envProxyResolver } from '../../../../electron/core/network/proxy-env';
import { routeFromPac } from '../../../../electron/core/network/proxy-pac';
import { parseProxyUrl, PROXY_UNSUPPORTED } from '../../../../electron/core/network/proxy-route';

describe('parseProxyUrl', () => {
  it('reads http and https proxies, with default ports', () => {
    expect(parseProxyUrl('http://proxy.corp:3128')).toEqual({
      protocol: 'http:',
      hostname: 'proxy.corp',
      port: 3128,
    });
    expect(parseProxyUrl('https://proxy.corp')).toMatchObject({ protocol: 'https:', port: 443 });
    expect(parseProxyUrl('proxy.corp:8080')).toMatchObject({ protocol: 'http:', port: 8080 });
    expect(parseProxyUrl('http://[::1]:3128')).toMatchObject({ hostname: '::1' });
  });

  it('takes credentials apart, percent-decoded', () => {
    expect(parseProxyUrl('http://al%40ice:p%3Ass@proxy:3128').auth).toEqual({
      username: 'al@ice',
      password: 'p:ss',
    });
  });

  it('refuses SOCKS, paths and nonsense with a reason', () => {
    for (const text of ['socks5://proxy:1080', 'http://proxy:3128/path', 'http://', '']) {
      expect(() => parseProxyUrl(text)).toThrow(
        expect.objectContaining({ code: PROXY_UNSUPPORTED }) as Error,
      );
    }
  });
});

describe('envProxyResolver', () => {
  const route = (env: NodeJS.ProcessEnv, url: string) => envProxyResolver(env)(new URL(url));

  it('uses HTTPS_PROXY for https:// and HTTP_PROXY for http:// servers', async () => {
    const env = { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' };
    expect(await route(env, 'https://r.example.com')).toMatchObject({
      kind: 'proxy',
      proxy: { hostname: 'secure', port: 1 },
    });
    expect(await route(env, 'http://r.example.com')).toMatchObject({
      proxy: { hostname: 'plain', port: 2 },
    });
    expect(await route({ HTTP_PROXY: 'http://plain:2' }, 'https://r.example.com')).toEqual({
      kind: 'direct',
    });
  });

  it('prefers the lower-case variables, as curl does', async () => {
    const env = { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' };
    expect(await route(env, 'https://r.example.com')).toMatchObject({
      proxy: { hostname: 'lower' },
    });
    expect(
      await route({ HTTPS_PROXY: 'http://p:1', no_proxy: '.example.com' }, 'https://r.example.com'),
    ).toEqual({ kind: 'direct' });
  });

  it('keeps credentials from the environment', async () => {
    expect(await route({ HTTPS_PROXY: 'http://u:pw@p:1' }, 'https://r.example.com')).toMatchObject({
      proxy: { auth: { username: 'u', password: 'pw' } },
    });
  });

  it('fails with the reason when the environment names a proxy the app cannot use', async () => {
    await expect(
      route({ HTTPS_PROXY: 'socks5://p:1080' }, 'https://r.example.com'),
    ).rejects.toMatchObject({ code: PROXY_UNSUPPORTED });
  });
});

describe('routeFromPac', () => {
  it('reads DIRECT, PROXY and HTTPS entries, the first usable one winning', () => {
    expect(routeFromPac('DIRECT')).toEqual({ kind: 'direct' });
    expect(routeFromPac('')).toEqual({ kind: 'direct' });
    expect(routeFromPac('PROXY proxy.corp:3128; DIRECT')).toMatchObject({
      proxy: { protocol: 'http:', hostname: 'proxy.corp', port: 3128 },
    });
    expect(routeFromPac('HTTPS secure.corp:443')).toMatchObject({
      proxy: { protocol: 'https:', hostname: 'secure.corp' },
    });
    expect(routeFromPac('SOCKS5 s:1080; PROXY p:8080')).toMatchObject({
      proxy: { hostname: 'p', port: 8080 },
    });
    expect(routeFromPac('SOCKS s:1080;DIRECT')).toEqual({ kind: 'direct' });
  });

  it('fails naming what it found when nothing is usable', () => {
    expect(() => routeFromPac('SOCKS5 s:1080; QUIC q:443')).toThrow(/SOCKS5, QUIC/);
  });
});
