import { app } from 'electron';
import { createCore } from '../core/create-core';
import { createLogger } from '../core/log';
import { startShell } from './shell';

// Wiring only: every decision lives in a module that can be tested without Electron.
const log = createLogger();

startShell({ createCore, log, baseDir: __dirname }).catch((error: unknown) => {
  log.error('startup failed', { error: error instanceof Error ? error.stack : String(error) });
  app.exit(1);
});
