import path from 'node:path';
import { app, BrowserWindow, dialog, nativeImage, screen } from 'electron';
import type { EventName } from '../../contract/names';
import type { Logger } from '../../core/log';
import { createRendererGate } from '../ipc/renderer-gate';
import type { MetadataStore } from '../../core/vault/metadata-store';
import { appEntryUrl, appOrigin } from '../web/app-protocol';
import {
  createNavigationGuard,
  createWindowOpenHandler,
  type ExternalLinkPolicy,
} from '../web/web-guards';
import { createCrashPolicy } from './renderer-crash';
import { clampBounds, windowStateSchema, type WindowState } from './window-bounds';
import { windowOptions } from './window-options';

const stateDocument = 'window-state';
const nullableState = windowStateSchema.nullable();
/** How long a page may take to become ready before the window is shown anyway. */
const readyTimeoutMs = 10_000;

/** The one main window: created on demand, hidden to the tray, its bounds remembered. */
export interface MainWindow {
  /** Creates the window if needed, then shows and focuses it. */
  show(): Promise<void>;
  /** Asks for the user's attention (taskbar flash, dock bounce) without stealing focus. */
  attention(): void;
  /** Delivers a main → renderer event once the page is ready (queued while it loads). */
  emit(event: EventName, payload: unknown): void;
  /** The page with this webContents id said `app:ready`: deliver what waited. */
  rendererReady(webContentsId: number): void;
  /** Sets (null: clears) the taskbar overlay: a file in the icons folder and its description. */
  setOverlay(overlay: { file: string; description: string } | null): void;
}

/**
 * The Electron side of the window: hardened options, navigation and window.open guards, bounds
 * saved to a small zod-validated JSON document, and close-to-tray. Every decision in it is a pure
 * function tested elsewhere; this adapter only calls Electron.
 */
export function createMainWindow(options: {
  preloadPath: string;
  iconPath: string | undefined;
  /** dist/icons, where the taskbar overlays are. */
  iconsDir: string;
  store: MetadataStore;
  log: Logger;
  windowIds: Set<number>;
  links: ExternalLinkPolicy;
  closeToTray: () => boolean;
  isQuitting: () => boolean;
  /** Closing the window when close-to-tray is off quits the app. */
  quit: () => void;
  /** The log file, named when a crash is explained. */
  logPath: () => string | null;
}): MainWindow {
  let win: BrowserWindow | null = null;
  let creating: Promise<BrowserWindow> | null = null;
  let saveTimer: NodeJS.Timeout | null = null;
  const crashes = createCrashPolicy();
  let overlay: { file: string; description: string } | null = null;
  function showOverlay(w: BrowserWindow): void {
    if (w.isDestroyed()) return;
    const image = overlay
      ? nativeImage.createFromPath(path.join(options.iconsDir, overlay.file))
      : null;
    w.setOverlayIcon(image, overlay?.description ?? '');
  }
  // Events wait for the page's app:ready, so none sent while it loads (or reloads) is lost.
  const gate = createRendererGate({
    target: () => (win && !win.isDestroyed() ? win.webContents : null),
    onDrop: (event) =>
      options.log.warn('window: an event waited too long and was dropped', { event }),
  });

  function explainCrash(w: BrowserWindow, reason: string): void {
    const log = options.logPath();
    dialog
      .showMessageBox(w, {
        type: 'error',
        message: 'The Rancher Keys window stopped working.',
        detail:
          `Its page process ended twice within a minute (${reason}). Your keys are safe in the ` +
          `keychain.${log ? ` Details are in ${log}.` : ''}`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (response === 0 && !w.isDestroyed()) w.reload();
        else options.quit();
      })
      .catch(() => options.quit());
  }

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
    // The renderer's hardening, literally here for reviewers and scanners (Electron's security
    // checklist): context isolation, the sandbox, no Node in any frame or worker, no <webview>.
    // webSecurity and allowRunningInsecureContent are left at their safe defaults on purpose.
    const w = new BrowserWindow({
      ...windowOptions({ bounds, ...(options.iconPath ? { icon: options.iconPath } : {}) }),
      webPreferences: {
        preload: options.preloadPath,
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
    });
    const id = w.webContents.id;
    options.windowIds.add(id);
    gate.attach();
    // A reload (or any new document) must subscribe again before it gets events.
    w.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) gate.reset();
    });
    w.webContents.setWindowOpenHandler(createWindowOpenHandler(options.links));
    const guard = createNavigationGuard(options.links, appOrigin);
    w.webContents.on('will-navigate', guard);
    w.webContents.on('will-redirect', guard);
    w.webContents.on('will-attach-webview', (event) => event.preventDefault());
    w.webContents.on('render-process-gone', (_event, details) => {
      gate.reset();
      const response = crashes.decide(details.reason, Date.now());
      options.log.error('window: the page process is gone', { reason: details.reason, response });
      if (response === 'reload' && !w.isDestroyed()) w.reload();
      if (response === 'explain' && !w.isDestroyed()) explainCrash(w, details.reason);
    });
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
      gate.detach();
      win = null;
    });
    // Shown on ready-to-show (no blank flash; maximize() would show it early, so it waits too).
    // A page that fails or hangs still gets its window shown, so it can be closed and reopened.
    const ready = new Promise<void>((resolve) => {
      w.once('ready-to-show', () => resolve());
      w.webContents.once('did-fail-load', () => resolve());
      setTimeout(resolve, readyTimeoutMs).unref();
    });
    w.loadURL(appEntryUrl).catch((error: unknown) => {
      options.log.error('window: the page did not load', { error: String(error) });
    });
    await ready;
    if (bounds?.maximized && !w.isDestroyed()) w.maximize();
    // The taskbar button of a new window shows the overlay set while there was none.
    if (overlay) showOverlay(w);
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
    emit: (event, payload) => gate.send(event, payload),
    rendererReady(webContentsId) {
      if (win && !win.isDestroyed() && win.webContents.id === webContentsId) gate.ready();
    },
    setOverlay(next) {
      overlay = next;
      if (win) showOverlay(win);
    },
    attention() {
      if (win && !win.isDestroyed() && !win.isFocused()) win.flashFrame(true);
      app.dock?.bounce('informational');
    },
  };
}
