import { open, rename } from 'node:fs/promises';
import path from 'node:path';

/** The one file-system call `syncDirectory` makes, as a port so a unit test can see it. */
export type OpenForSync = (
  dir: string,
) => Promise<{ sync(): Promise<void>; close(): Promise<void> }>;

const openDirectory: OpenForSync = (dir) => open(dir, 'r');

/**
 * Error codes of platforms where a directory cannot be opened or fsynced (Windows answers
 * EISDIR or EPERM; some file systems EINVAL). There the rename is as durable as the OS makes it.
 */
const UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP']);

/**
 * Fsyncs a directory, so a file created or renamed in it survives a power cut: fsyncing the
 * file makes its bytes durable, but its name lives in the directory.
 */
export async function syncDirectory(
  dir: string,
  openDir: OpenForSync = openDirectory,
): Promise<void> {
  let handle: Awaited<ReturnType<OpenForSync>>;
  try {
    handle = await openDir(dir);
  } catch (error) {
    if (UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Renames `from` over `to` (atomic on one file system), then fsyncs `to`'s directory: the last
 * step of every atomic write (temp file, fsync, rename), so an acknowledged write survives a crash
 * of the machine, not only of the app.
 */
export async function renameDurably(
  from: string,
  to: string,
  openDir: OpenForSync = openDirectory,
): Promise<void> {
  await rename(from, to);
  await syncDirectory(path.dirname(to), openDir);
}
