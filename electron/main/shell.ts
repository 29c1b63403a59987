import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { app, clipboard, globalShortcut, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { EventPayload } from '../contract/ipc';
import { defaultSettings, type Settings } from '../contract/settings';
import type { Core, CoreDeps } from '../core/core';
import type { Logger } from '../core/log';
import { systemClock } from '../core/ports';
import { createKeytarSecretStore } from '../core/vault/keytar-secret-store';
import { createMetadataStore } from '../core/vault/metadata-store';
import { buildAppMenuTemplate } from './window/app-menu';
import {
  appOrigin,
  appScheme,
  appSchemePrivileges,
  createAppProtocolHandler,
} from './web/app-protocol';
import { runModeFrom } from './e2e/e2e-mode';
import { installE2eHook } from './e2e/e2e-hook';
import { createElectronClipboard } from './ipc/electron-clipboard';
import { createElectronEmbeddedSignInWindow } from './sign-in/electron-embedded-sign-in-window';
import { createElectronSystemBrowser } from './sign-in/electron-system-browser';
import { electronSystemProxy } from './network/electron-system-proxy';
import { createEventForwarder } from './ipc/event-forwarder';
import { createFilePickerDialog } from './ipc/file-picker-dialog';
import { registerIpc } from './ipc/ipc';
import { hiddenArg } from './lifecycle/linux-autostart';
import { applyStartAtLogin } from './lifecycle/login-item';
import { createQuickCopyShortcut } from './lifecycle/global-shortcut';
import { bundledCommandLine } from './lifecycle/bundled-command-line';
import type { LogFile } from './lifecycle/log-file';
import { createMainWindow } from './window/main-window';
import { createManualClock } from './e2e/manual-clock';
import { createNotifier } from './notifications/notifier';
import type { NotificationContent } from './notifications/notification-content';
import { createTrayActionRunner } from './tray/tray-actions';
import { createTrayController } from './tray/tray-controller';
import type { TrayAction } from './tray/tray-model';
import { detectTrayHost } from './tray/tray-host';
import { loadTrayState } from './tray/tray-state';
import { createTaskbarOverlay, trayIconFile } from './tray/taskbar-overlay';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  documentationUrls,
  isAllowedExternalUrl,
} from './web/web-guards';

/** Builds the core from what the shell provides (`createCore` in the app). */
export type CoreFactory = (deps: CoreDeps) => Core;

const productName = 'Rancher Keys';

/**
 * The Electron shell around the core: single instance, the app:// protocol, hardened session and
 * window, IPC, tray, notifications, menu, settings that concern the shell (close-to-tray, start
 * at login, notifications). Runs until quit; the app stays in the tray with the window closed.
 */
export async function startShell(options: {
  createCore: CoreFactory;
  log: Logger;
  /** The bundle's directory (dist/main): the preload, renderer and icons are beside it. */
  baseDir: string;
  /** The log file, opened here once the data directory (and so the log folder) is settled. */
  logFile: LogFile;
}): Promise<void> {
  const { log, baseDir, logFile } = options;
  const mode = runModeFrom(process.env, { pid: process.pid, tmpDir: tmpdir() });
  if (mode.userDataDir) app.setPath('userData', mode.userDataDir);
  logFile.open(app.getPath('logs'));
  log.info('starting', { version: app.getVersion(), platform: process.platform });

  // A second launch hands over to the first (which shows its window) and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before ready: app:// gets an origin of its own, CSP, fetch and secure-context status.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

  let quitting = false;
  // Closing the last window keeps the app in the tray (Electron's default would quit).
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  // Without a tray host (stock GNOME has none) a hidden window could never be found again: then
  // closing the window quits and a --hidden start shows the window after all.
  const trayHost = await detectTrayHost(process.platform);
  if (trayHost === 'absent') {
    log.warn('no tray host (StatusNotifierItem) on this desktop: the window is never hidden to it');
  }
  const trayShown = trayHost !== 'absent';
  // wasOpenedAtLogin is only set once the app is ready (macOS).
  const startHidden =
    process.argv.includes(hiddenArg) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  if (process.platform === 'win32') app.setAppUserModelId('io.rancherkeys.app');
  app.setAboutPanelOptions({
    applicationName: productName,
    applicationVersion: app.getVersion(),
    version: app.getVersion(),
    copyright: 'Copyright © 2026 Rancher Keys contributors',
    website: documentationUrls[0]!,
  });

  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  const rendererDir = path.join(baseDir, '../renderer');
  const serve = createAppProtocolHandler({
    rootDir: rendererDir,
    readFile: async (file) => new Uint8Array(await readFile(file)),
  });
  protocol.handle(appScheme, (request) => serve(request));

  const manualClock = mode.e2e ? createManualClock(Date.now()) : null;
  const clock = manualClock ?? systemClock;
  const userData = app.getPath('userData');
  const showLogFile = (): boolean => {
    const where = logFile.path();
    if (where) shell.showItemInFolder(where);
    return where !== null;
  };
  const embeddedSignIn = createElectronEmbeddedSignInWindow({ log });
  const core = options.createCore({
    appVersion: app.getVersion(),
    platform: process.platform,
    dataDir: userData,
    secrets: createKeytarSecretStore({ service: mode.keychainService }),
    clipboard: createElectronClipboard(clipboard),
    clock,
    log,
    systemProxy: electronSystemProxy(session.defaultSession),
    desktop: { logFile: () => logFile.path(), trayAvailable: trayShown, showLogFile },
    filePicker: createFilePickerDialog(),
    // Single sign-on: the user's browser (SAML, Azure AD) and the opt-in embedded window.
    systemBrowser: createElectronSystemBrowser(shell),
    embeddedSignIn,
    commandLine: {
      executable: bundledCommandLine(process.resourcesPath, app.isPackaged, process.platform),
      home: app.getPath('home'),
      env: process.env,
      platform: process.platform,
      keychainService: mode.keychainService,
      dataDir: userData,
    },
  });

  const windowIds = new Set<number>();
  // The window is created below; a page's app:ready reaches it through this late-bound hook.
  let onRendererReady: (webContentsId: number) => void = () => undefined;
  registerIpc({
    ipcMain,
    dispatch: core.dispatch,
    log,
    windowIds,
    appOrigin,
    onReady: (id) => onRendererReady(id),
  });

  let settings: Settings = defaultSettings;
  let serverOrigins: string[] = [];
  const links = {
    isAllowed: (url: string) => isAllowedExternalUrl(url, { serverOrigins }),
    openExternal: (url: string) => {
      shell.openExternal(url).catch(() => log.warn('could not open a link in the browser'));
    },
  };
  const quit = () => {
    quitting = true;
    app.quit();
  };
  const iconsDir = path.join(baseDir, '../icons');
  const window = createMainWindow({
    preloadPath: path.join(baseDir, '../preload/index.cjs'),
    iconsDir,
    iconPath: process.platform === 'linux' ? path.join(baseDir, '../icons/icon.png') : undefined,
    store: createMetadataStore({ dir: userData, log }),
    log,
    windowIds,
    links,
    closeToTray: () => settings.closeToTray && trayShown,
    isQuitting: () => quitting,
    quit,
    logPath: () => logFile.path(),
  });
  onRendererReady = (id) => window.rendererReady(id);
  const showWindow = () => {
    window
      .show()
      .catch((error: unknown) => log.error('window: could not open', { error: String(error) }));
  };
  // Events for a window that may not exist yet wait in its renderer gate until the page is ready.
  const showThenSend = <E extends 'app:navigate' | 'app:command'>(
    event: E,
    payload: EventPayload<E>,
  ) => {
    window
      .show()
      .then(() => window.emit(event, payload))
      .catch((error: unknown) => log.error('window: could not open', { error: String(error) }));
  };
  const navigate = (target: NotificationContent['target']) => {
    if (target) showThenSend('app:navigate', target);
    else showWindow();
  };

  const runTrayAction = createTrayActionRunner({
    dispatch: core.dispatch,
    showWindow,
    navigate,
    quit,
    notify: (content) => notifier.show(content),
  });
  const run = (action: TrayAction) => {
    runTrayAction(action).catch((error: unknown) =>
      log.error('tray: action failed', { action: action.kind, error: String(error) }),
    );
  };

  const shown: NotificationContent[] = [];
  const notifier = createNotifier({
    enabled: () => settings.notifications,
    now: () => clock.now(),
    onClick: navigate,
    onShown: mode.e2e ? (content) => shown.push(content) : undefined,
    onUnavailable: (content) => {
      tray.setNotice(`${content.title}: ${content.body}`);
      window.attention();
    },
    log,
  });
  // Windows: the taskbar button shows the tray's expiry state as an overlay badge.
  const taskbar = createTaskbarOverlay({
    platform: process.platform,
    apply: (overlay) => window.setOverlay(overlay),
  });
  const tray = createTrayController({
    // nativeImage picks the @2x file on high-density screens; macOS menu bar icons are 16 pt.
    iconPath: path.join(iconsDir, trayIconFile(process.platform)),
    platform: process.platform,
    taskbar: (overlay) => taskbar.set(overlay),
    load: () => loadTrayState(core.handlers, clock.now()),
    run,
    log,
  });

  const quickCopyShortcut = createQuickCopyShortcut({
    globalShortcut,
    platform: process.platform,
    onPress: () => showThenSend('app:command', { command: 'quickCopy' }),
  });

  const loginItem = {
    platform: process.platform,
    app,
    env: process.env,
    home: homedir(),
    execPath: process.execPath,
    productName,
  };
  async function applySettings(next: Settings, previous: Settings | null): Promise<void> {
    settings = next;
    if (mode.e2e) return;
    if (previous === null || previous.startAtLogin !== next.startAtLogin) {
      await applyStartAtLogin(next.startAtLogin, loginItem).catch((error: unknown) =>
        log.warn('could not change start at login', { error: String(error) }),
      );
    }
    if (previous === null || previous.quickCopyShortcut !== next.quickCopyShortcut) {
      const problem = quickCopyShortcut.apply(next.quickCopyShortcut);
      if (problem) {
        log.warn('quick copy shortcut: not registered', { accelerator: next.quickCopyShortcut });
        notifier.show({ title: 'Quick copy shortcut not set', body: problem, target: null });
      }
    }
  }
  async function refreshOrigins(): Promise<void> {
    const list = await core.handlers['servers:list']({}).catch(() => null);
    if (list) serverOrigins = list.servers.map((s) => s.origin);
  }

  const forward = createEventForwarder(() => ({
    send: (event, payload) => window.emit(event, payload),
  }));
  core.subscribe((event, payload) => {
    forward(event, payload);
    switch (event) {
      case 'servers:changed':
        void refreshOrigins();
        void tray.refresh();
        break;
      case 'keys:changed':
      case 'expiry:summary':
        void tray.refresh();
        break;
      case 'expiry:warning':
        notifier.handle(payload as Parameters<typeof notifier.handle>[0]);
        break;
      case 'settings:changed':
        void applySettings((payload as { settings: Settings }).settings, settings);
        break;
      default:
        break;
    }
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate({
        platform: process.platform,
        productName,
        actions: {
          command: (command) => showThenSend('app:command', { command }),
          refresh: () => run({ kind: 'refresh' }),
          openDocumentation: () => links.openExternal(documentationUrls[0]!),
          showLog: () => void showLogFile(),
          quit,
        },
      }),
    ),
  );

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  let stopped = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    // Let the core cancel timers and flush metadata (and clear a clipboard it still owns) first.
    event.preventDefault();
    stopped = true;
    notifier.stop();
    quickCopyShortcut.dispose();
    tray.destroy();
    core
      .stop()
      .catch((error: unknown) => log.error('core: stop failed', { error: String(error) }))
      .finally(() => app.quit());
  });

  await core.start();
  const loaded = await core.handlers['settings:get']({}).catch(() => null);
  await applySettings(loaded?.settings ?? defaultSettings, null);
  await refreshOrigins();
  await tray.refresh();
  if (mode.e2e) {
    installE2eHook({
      tray,
      run: runTrayAction,
      clock: manualClock,
      notifications: shown,
      keychainService: mode.keychainService,
      embeddedSignIn,
    });
  }
  if (!startHidden || !trayShown) showWindow();
}
