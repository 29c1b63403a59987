import { describe, expect, it } from 'vitest';
import { PROXY_UNSUPPORTED } from '../../../electron/core/network/proxy-route';
import {
  electronSystemProxy,
  type ProxySession,
} from '../../../electron/main/network/electron-system-proxy';

/** Stands in for Electron's session: records the URLs asked about and answers like Chromium. */
function fakeSession(answer: (url: string) => string | Error): ProxySession & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolveProxy(url) {
      asked.push(url);
      const result = answer(url);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
}

describe('electronSystemProxy', () => {
  it("asks the session about the server's origin only, never a path", async () => {
    const session = fakeSession(() => 'DIRECT');
    const resolve = electronSystemProxy(session);
    expect(await resolve(new URL('https://rancher.example.com:8443/v3/tokens?x=1'))).toEqual({
      kind: 'direct',
    });
    expect(session.asked).toEqual(['https://rancher.example.com:8443/']);
  });

  it('routes through what the OS settings or the PAC script answer', async () => {
    const session = fakeSession((url) =>
      url.startsWith('https://inside.corp') ? 'DIRECT' : 'PROXY proxy.corp:3128; DIRECT',
    );
    const resolve = electronSystemProxy(session);
    expect(await resolve(new URL('https://inside.corp'))).toEqual({ kind: 'direct' });
    expect(await resolve(new URL('https://rancher.example.com'))).toEqual({
      kind: 'proxy',
      proxy: { protocol: 'http:', hostname: 'proxy.corp', port: 3128 },
    });
  });

  it('fails with a reason the user can act on when the session cannot resolve', async () => {
    const resolve = electronSystemProxy(fakeSession(() => new Error('net::ERR_FAILED')));
    await expect(resolve(new URL('https://rancher.example.com'))).rejects.toMatchObject({
      code: PROXY_UNSUPPORTED,
      message: expect.stringContaining("system's proxy settings could not be read") as string,
    });
  });

  it('fails when the OS names only a SOCKS proxy', async () => {
    const resolve = electronSystemProxy(fakeSession(() => 'SOCKS5 socks.corp:1080'));
    await expect(resolve(new URL('https://rancher.example.com'))).rejects.toMatchObject({
      code: PROXY_UNSUPPORTED,
    });
  });
});
