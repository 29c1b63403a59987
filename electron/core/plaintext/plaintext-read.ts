import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { PlaintextFileStatus } from '../../contract/plaintext';

/**
 * The largest file the check reads: a kubeconfig with 10,000 users and their certificates is a
 * few megabytes; anything far beyond is not a config file.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file as read, with what a later rewrite checks to know it did not change meanwhile. */
export interface ReadFile {
  status: 'ok';
  text: string;
  /** SHA-256 of the bytes read. */
  digest: string;
  /** Permission bits, kept by a rewrite. */
  mode: number;
  /** Reached through a symbolic link (read, never rewritten). */
  viaSymlink: boolean;
}

export interface UnreadFile {
  status: Exclude<PlaintextFileStatus, 'ok'>;
  message: string;
}

/** SHA-256 of a file's bytes, as {@link readKnownFile} records it. */
export function digestOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Reads one known place under the check's policy: a regular file of at most
 * {@link MAX_FILE_BYTES}; a symbolic link only when it ends at a regular file owned by this user
 * (dotfile managers link configs; a link to someone else's file, a device or a directory is
 * refused). The file is opened without following links and checked to be the file looked at, so
 * a swap between the look and the read is refused too. Never throws.
 */
export async function readKnownFile(file: string): Promise<ReadFile | UnreadFile> {
  let link;
  try {
    link = await lstat(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
      return { status: 'missing', message: 'Not there.' };
    }
    return { status: 'unreadable', message: `Could not be read (${errnoCode(error) ?? 'error'}).` };
  }
  const viaSymlink = link.isSymbolicLink();
  let target = link;
  if (viaSymlink) {
    try {
      target = await stat(file);
    } catch {
      return { status: 'symlink_refused', message: 'A symbolic link to nothing; not followed.' };
    }
    const uid = process.getuid?.();
    if (!target.isFile() || (uid !== undefined && target.uid !== uid)) {
      return {
        status: 'symlink_refused',
        message: 'A symbolic link to something other than a file of yours; not followed.',
      };
    }
  }
  if (!target.isFile()) return { status: 'not_a_file', message: 'Not a regular file.' };
  if (target.size > MAX_FILE_BYTES) {
    return {
      status: 'too_large',
      message: `Larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, so not a config file; not read.`,
    };
  }
  let handle;
  try {
    // O_NOFOLLOW refuses a link put in place after the look; a followed link was checked above.
    handle = await open(file, constants.O_RDONLY | (viaSymlink ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    return { status: 'unreadable', message: `Could not be read (${errnoCode(error) ?? 'error'}).` };
  }
  try {
    const opened = await handle.stat();
    if (opened.ino !== target.ino || opened.dev !== target.dev || !opened.isFile()) {
      return { status: 'unreadable', message: 'The file changed while it was read; scan again.' };
    }
    if (opened.size > MAX_FILE_BYTES) {
      return { status: 'too_large', message: 'The file grew past the size bound; not read.' };
    }
    const bytes = await handle.readFile();
    return {
      status: 'ok',
      text: bytes.toString('utf8'),
      digest: digestOf(bytes),
      mode: opened.mode & 0o7777,
      viaSymlink,
    };
  } catch (error) {
    return { status: 'unreadable', message: `Could not be read (${errnoCode(error) ?? 'error'}).` };
  } finally {
    await handle.close();
  }
}
