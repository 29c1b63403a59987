import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/ipc/sender';

const trust = { windowIds: new Set([7]), appOrigin: 'app://rancher-keys' };

describe('isTrustedSender', () => {
  it('accepts the main frame of our window showing our page', () => {
    expect(
      isTrustedSender(
        { webContentsId: 7, isMainFrame: true, url: 'app://rancher-keys/index.html' },
        trust,
      ),
    ).toBe(true);
  });
  it('refuses a window we did not create', () => {
    expect(
      isTrustedSender(
        { webContentsId: 8, isMainFrame: true, url: 'app://rancher-keys/index.html' },
        trust,
      ),
    ).toBe(false);
  });
  it('refuses a subframe', () => {
    expect(
      isTrustedSender(
        { webContentsId: 7, isMainFrame: false, url: 'app://rancher-keys/index.html' },
        trust,
      ),
    ).toBe(false);
  });
  it('refuses another origin', () => {
    expect(
      isTrustedSender({ webContentsId: 7, isMainFrame: true, url: 'https://evil.example/' }, trust),
    ).toBe(false);
  });
  it('refuses an unparsable URL', () => {
    expect(isTrustedSender({ webContentsId: 7, isMainFrame: true, url: '' }, trust)).toBe(false);
  });
});
