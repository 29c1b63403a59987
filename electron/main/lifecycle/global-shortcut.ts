import type { GlobalShortcut } from 'electron';

/** What the shortcut needs from Electron: its `globalShortcut` module (faked in unit tests). */
export interface GlobalShortcutDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  platform: NodeJS.Platform;
  /** Opens the quick copy palette (shows the window first). */
  onPress: () => void;
}

/** The one global shortcut that opens quick copy from any app (issue 17 item 9). */
export interface QuickCopyShortcutPort {
  /**
   * Registers `accelerator` (unregistering the previous one), or none for `off`. Returns why it
   * could not be registered (another app or the system holds it), else null.
   */
  apply(accelerator: string): string | null;
  /** Unregisters it (quit). */
  dispose(): void;
}

/** The accelerator as a user reads it on this platform. */
export function shortcutLabel(accelerator: string, platform: NodeJS.Platform): string {
  return accelerator.replace('CommandOrControl', platform === 'darwin' ? 'Cmd' : 'Ctrl');
}

export function createQuickCopyShortcut(deps: GlobalShortcutDeps): QuickCopyShortcutPort {
  let current: string | null = null;
  function apply(accelerator: string): string | null {
    const wanted = accelerator === 'off' ? null : accelerator;
    if (wanted === current) return null;
    if (current !== null) deps.globalShortcut.unregister(current);
    current = null;
    if (wanted === null) return null;
    let registered: boolean;
    try {
      registered = deps.globalShortcut.register(wanted, deps.onPress);
    } catch {
      // Electron throws on an accelerator it cannot parse; the same answer as a taken one.
      registered = false;
    }
    if (!registered) {
      return `The quick copy shortcut ${shortcutLabel(wanted, deps.platform)} is already used by another app or the system, so it is not set. Choose another one in Settings.`;
    }
    current = wanted;
    return null;
  }
  return { apply, dispose: () => void apply('off') };
}
