import { execFile } from 'node:child_process';
import { open, readdir } from 'node:fs/promises';
import tls from 'node:tls';
import type { Logger } from '../log';
import { createTrustStore, type TrustStore } from './trust-store';
import type { FileReader } from './trust-store-linux';

/** Reads at most `maxBytes` of a regular file; null when it is missing or not a file. */
async function readText(file: string, maxBytes: number): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Node's file system as the Linux reader sees it (bounded reads). */
export const nodeFileReader: FileReader = {
  readText,
  list: (dir) => readdir(dir).catch(() => null),
};

function run(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: 15_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout) =>
        error ? reject(new Error(error.message, { cause: error })) : resolve(stdout),
    );
  });
}

/** `tls.getCACertificates` where this runtime has it (newer than Node 20). */
function nodeSystemReader(): ((type: 'system') => string[]) | undefined {
  const reader = (tls as { getCACertificates?: unknown }).getCACertificates;
  return typeof reader === 'function'
    ? (type) => (reader as (t: string) => string[]).call(tls, type)
    : undefined;
}

/** The running machine's trust store (what the app and the companion command use). */
export function systemTrustStore(log: Logger): TrustStore {
  return createTrustStore({
    platform: process.platform,
    env: process.env,
    files: nodeFileReader,
    run,
    getCACertificates: nodeSystemReader(),
    log,
  });
}
