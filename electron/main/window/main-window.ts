import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../../core/log';
import type { MetadataStore } from '../../core/vault/metadata-store';
import { appEntryUrl, appOrigin } from '../web/app-protocol';
import {
  createNavigationGuard,
  createWindowOpenHandler,
  type ExternalLinkPolicy,
} from '../web/web-guards';
import { clampBounds, windowStateSchema, type WindowState } from './window-bounds';
import { windowOptions } from './window-options';

const stateDocument = 'window-state';
const nullableState = windowStateSchema.nullable();

/** The one main window: created on demand, hidden to the tray, its bounds remembered. */
export interface MainWindow {
  /** Creates the window if needed, then shows and focuses it. */
  show(): Promise<void>;
  /** Sends an event to the page, if a window is open. */
  send(channel: string, payload: unknown): void;
  /** The open window's webContents, for event forwarding; null when there is none. */
  contents(): { send(channel: string, payload: unknown): void } | null;
}

/**
 * The Electron side of the window: hardened options, navigation and window.open guards, bounds
 * saved to a small zod-validated JSON document, and close-to-tray. Every decision in it is a pure
 * function tested elsewhere; this adapter only calls Electron.
 */
export function createMainWindow(options: {
  preloadPath: string;
  iconPath: string | undefined;
  store: MetadataStore;
  log: Logger;
  windowIds: Set<number>;
  links: ExternalLinkPolicy;
  closeToTray: () => boolean;
  isQuitting: () => boolean;
  /** Closing the window when close-to-tray is off quits the app. */
  quit: () => void;
}): MainWindow {
  let win: BrowserWindow | null = null;
  let creating: Promise<BrowserWindow> | null = null;
  let saveTimer: NodeJS.Timeout | null = null;

  function saveBounds(w: BrowserWindow): void {
    if (w.isDestroyed() || w.isMinimized()) return;
    const b = w.getNormalBounds();
    const state: WindowState = { ...b, maximized: w.isMaximized() };
    options.store.write(stateDocument, windowStateSchema, state).catch((error: unknown) => {
      options.log.warn('window: could not save its bounds', { error: String(error) });
    });
  }

  function saveSoon(w: BrowserWindow): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveBounds(w), 500);
  }

  async function create(): Promise<BrowserWindow> {
    const saved = await options.store.read(stateDocument, nullableState, null).catch(() => null);
    const bounds = clampBounds(saved, screen.getAllDisplays());
    const w = new BrowserWindow(
      windowOptions(options.preloadPath, {
        bounds,
        ...(options.iconPath ? { icon: options.iconPath } : {}),
      }),
    );
    const id = w.webContents.id;
    options.windowIds.add(id);
    w.webContents.setWindowOpenHandler(createWindowOpenHandler(options.links));
    const guard = createNavigationGuard(options.links, appOrigin);
    w.webContents.on('will-navigate', guard);
    w.webContents.on('will-redirect', guard);
    w.webContents.on('will-attach-webview', (event) => event.preventDefault());
    if (bounds?.maximized) w.maximize();
    w.on('resize', () => saveSoon(w));
    w.on('move', () => saveSoon(w));
    w.on('close', (event) => {
      saveBounds(w);
      if (options.isQuitting()) return;
      if (options.closeToTray()) {
        event.preventDefault();
        w.hide();
      } else {
        options.quit();
      }
    });
    w.on('closed', () => {
      options.windowIds.delete(id);
      if (saveTimer) clearTimeout(saveTimer);
      win = null;
    });
    const ready = new Promise<void>((resolve) => w.once('ready-to-show', () => resolve()));
    await w.loadURL(appEntryUrl);
    await ready;
    return w;
  }

  return {
    async show() {
      if (!win) {
        creating ??= create();
        try {
          win = await creating;
        } finally {
          creating = null;
        }
      }
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    send(channel, payload) {
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
    contents() {
      return win && !win.isDestroyed() ? win.webContents : null;
    },
  };
}
