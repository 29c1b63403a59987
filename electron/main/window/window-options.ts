import type { BrowserWindowConstructorOptions } from 'electron';
import { minWindowSize, type WindowState } from './window-bounds';

/**
 * The hardened window (Electron's security checklist): context isolation, the sandbox, no Node in
 * any frame or worker, no <webview>. `webSecurity` and `allowRunningInsecureContent` are left at
 * their safe defaults on purpose. Pure, so its settings are unit-tested.
 */
export function windowOptions(
  preloadPath: string,
  options: { bounds?: WindowState | null; icon?: string } = {},
): BrowserWindowConstructorOptions {
  const bounds = options.bounds ?? null;
  return {
    width: bounds?.width ?? 1100,
    height: bounds?.height ?? 720,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    title: 'Rancher Keys',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
    },
  };
}
