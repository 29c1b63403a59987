import { app, dialog } from 'electron';
import { createCore } from '../core/create-core';
import { createLogger, redact } from '../core/log';
import { surviveUnhandledRejections } from '../core/process-guard';
import { forbiddenDebugSwitch, refusalMessage } from './lifecycle/debug-switches';
import { createLogFile } from './lifecycle/log-file';
import { startShell } from './shell';

// Wiring only: every decision lives in a module that can be tested without Electron.
// The logger redacts secrets; its lines go to stderr and to a rotating file in the OS's log folder.
const logFile = createLogFile();
const log = createLogger((line) => {
  process.stderr.write(`${line}\n`);
  logFile.write(line);
});
surviveUnhandledRejections(log);

// No fuse covers a DevTools endpoint: a packaged build refuses debugging switches outright.
const refused = app.isPackaged
  ? forbiddenDebugSwitch(process.argv, (name) => app.commandLine.hasSwitch(name))
  : null;
if (refused) {
  process.stderr.write(`${refusalMessage(refused)}\n`);
  app.exit(1);
} else {
  startShell({ createCore, log, logFile, baseDir: __dirname }).catch((error: unknown) => {
    log.error('startup failed', { error: error instanceof Error ? error.stack : String(error) });
    const where = logFile.path();
    dialog.showErrorBox(
      'Rancher Keys could not start',
      `${redact(error instanceof Error ? error.message : String(error))}` +
        (where ? `\n\nDetails are in ${where}.` : ''),
    );
    app.exit(1);
  });
}
