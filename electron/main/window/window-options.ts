import type { BrowserWindowConstructorOptions } from 'electron';
import { minWindowSize, type WindowState } from './window-bounds';

/**
 * The window's size, place and chrome. Its `webPreferences` (the hardening) are written literally
 * at the `new BrowserWindow(...)` site in main-window.ts, where a reviewer or scanner sees them.
 * Pure, so its settings are unit-tested.
 */
export function windowOptions(
  options: { bounds?: WindowState | null; icon?: string } = {},
): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
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
  };
}
