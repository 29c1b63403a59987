// Finds the Electron executable, downloading it the way the `electron` package does on first use.
// Returns null (never throws) where no binary can be had, e.g. on machines without internet.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectronBinary() {
  const silence = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: process.cwd(),
  });
  const candidate = silence.status === 0 ? silence.stdout.trim() : '';
  if (candidate && existsSync(candidate)) return { path: candidate };
  let version = '?';
  try {
    version = require('electron/package.json').version;
  } catch {
    // reported below as a missing binary all the same
  }
  return {
    path: null,
    reason: `no Electron ${version} binary is installed and it could not be downloaded here`,
  };
}
