import path from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createDispatcher } from '../core/dispatch';
import { createHandlers } from '../core/handlers';
import { createLogger } from '../core/log';
import { createKeytarSecretStore } from '../core/vault/keytar-secret-store';
import { defaultKeychainService } from '../core/vault/secret-store';
import { registerIpc } from './ipc';
import { windowOptions } from './window-options';

// Wiring only: every decision lives in a module that can be tested without Electron.
const log = createLogger();
const windowIds = new Set<number>();
const rendererIndex = path.join(__dirname, '../renderer/index.html');

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  const secrets = createKeytarSecretStore({ service: defaultKeychainService });
  const handlers = createHandlers({
    version: app.getVersion(),
    platform: process.platform,
    secrets,
  });
  registerIpc({
    ipcMain,
    dispatch: createDispatcher(handlers, log),
    log,
    windowIds,
    appOrigin: 'file://',
  });

  const win = new BrowserWindow(windowOptions(path.join(__dirname, '../preload/index.cjs')));
  windowIds.add(win.webContents.id);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  await win.loadFile(rendererIndex);
}

main().catch((error: unknown) => {
  log.error('startup failed', { error: error instanceof Error ? error.stack : String(error) });
  app.exit(1);
});
