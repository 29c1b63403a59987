import type { ExpirySummary } from '../../contract/app';

/** What the Windows taskbar button shows over the app icon: the worst expiry state, described. */
export interface TaskbarOverlay {
  kind: 'expired' | 'expiring';
  /** Read by screen readers (setOverlayIcon's accessibility description). */
  description: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The overlay for the expiry summary: red when a key has expired, amber when one is expiring soon
 * (the same counts as the tray's badge and tooltip), none when all is well.
 */
export function taskbarOverlayOf(summary: ExpirySummary | null): TaskbarOverlay | null {
  if (!summary) return null;
  const { expiredCount, expiringCount } = summary;
  if (expiredCount === 0 && expiringCount === 0) return null;
  const parts: string[] = [];
  if (expiredCount > 0) parts.push(`${plural(expiredCount, 'key')} expired`);
  if (expiringCount > 0) parts.push(`${plural(expiringCount, 'key')} expiring soon`);
  return { kind: expiredCount > 0 ? 'expired' : 'expiring', description: parts.join(', ') };
}

/** The overlay's image in dist/icons (with an @2x beside it for high-density taskbars). */
export function overlayIconFile(kind: TaskbarOverlay['kind']): string {
  return `overlay-${kind}.png`;
}

/**
 * Keeps the taskbar overlay in step with the tray: only on Windows (the only taskbar with
 * overlays), and only when it changes, so a menu rebuild does not repaint the taskbar button.
 */
export function createTaskbarOverlay(options: {
  platform: NodeJS.Platform;
  /** Sets the window's overlay (BrowserWindow.setOverlayIcon), or clears it with null. */
  apply: (overlay: { file: string; description: string } | null) => void;
}): { set(overlay: TaskbarOverlay | null): void } {
  let shown = '';
  return {
    set(overlay) {
      if (options.platform !== 'win32') return;
      const key = overlay ? `${overlay.kind}\u0000${overlay.description}` : '';
      if (key === shown) return;
      shown = key;
      options.apply(
        overlay ? { file: overlayIconFile(overlay.kind), description: overlay.description } : null,
      );
    },
  };
}

/** The tray icon's file in dist/icons: macOS's black template (tinted by the menu bar), else colour. */
export function trayIconFile(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'trayTemplate.png' : 'tray-large.png';
}
