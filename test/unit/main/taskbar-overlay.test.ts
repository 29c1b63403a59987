import { describe, expect, it } from 'vitest';
import type { ExpirySummary } from '../../../electron/contract/app';
import {
  createTaskbarOverlay,
  taskbarOverlayOf,
  trayIconFile,
} from '../../../electron/main/tray/taskbar-overlay';

const summary = (expiringCount: number, expiredCount: number): ExpirySummary => ({
  expiringCount,
  expiredCount,
  next: null,
  perServer: {},
});

describe('taskbarOverlayOf', () => {
  it('is red with both counts when a key has expired, amber when keys only expire soon', () => {
    expect(taskbarOverlayOf(summary(2, 1))).toEqual({
      kind: 'expired',
      description: '1 key expired, 2 keys expiring soon',
    });
    expect(taskbarOverlayOf(summary(1, 0))).toEqual({
      kind: 'expiring',
      description: '1 key expiring soon',
    });
    expect(taskbarOverlayOf(summary(0, 3))).toEqual({
      kind: 'expired',
      description: '3 keys expired',
    });
  });

  it('is none when nothing is near expiry or the summary is unknown', () => {
    expect(taskbarOverlayOf(summary(0, 0))).toBeNull();
    expect(taskbarOverlayOf(null)).toBeNull();
  });
});

describe('createTaskbarOverlay', () => {
  function recorder(platform: NodeJS.Platform) {
    const applied: Array<{ file: string; description: string } | null> = [];
    return { applied, overlay: createTaskbarOverlay({ platform, apply: (o) => applied.push(o) }) };
  }

  it('sets the badge image and its description on Windows, once per change, and clears it', () => {
    const { applied, overlay } = recorder('win32');
    overlay.set(taskbarOverlayOf(summary(1, 0)));
    overlay.set(taskbarOverlayOf(summary(1, 0)));
    overlay.set(taskbarOverlayOf(summary(1, 1)));
    overlay.set(null);
    overlay.set(null);
    expect(applied).toEqual([
      { file: 'overlay-expiring.png', description: '1 key expiring soon' },
      { file: 'overlay-expired.png', description: '1 key expired, 1 key expiring soon' },
      null,
    ]);
  });

  it('does nothing where taskbars have no overlays', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { applied, overlay } = recorder(platform);
      overlay.set(taskbarOverlayOf(summary(1, 1)));
      expect(applied).toEqual([]);
    }
  });
});

describe('trayIconFile', () => {
  it('uses the black template image in the macOS menu bar and the colour icon elsewhere', () => {
    expect(trayIconFile('darwin')).toBe('trayTemplate.png');
    expect(trayIconFile('linux')).toBe('tray-large.png');
    expect(trayIconFile('win32')).toBe('tray-large.png');
  });
});
