import { AppFailure } from '../app-failure';

/**
 * Turns a file-system failure of the data folder into a message that says what happened and what to
 * do, instead of the generic "internal … restart the app" (which cannot help: the disk stays full).
 * Unknown errors pass through unchanged.
 */
export function storageFailure(error: unknown, dir: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppFailure(
        'internal',
        `The disk is full: Rancher Keys could not save its data in ${dir}. Free some space on that disk, then retry. Nothing else was changed.`,
        { cause: error },
      );
    case 'EROFS':
      return new AppFailure(
        'internal',
        `The data folder is read-only: Rancher Keys could not save in ${dir}. Mount that disk read-write (or move the folder to a writable disk), then restart Rancher Keys.`,
        { cause: error },
      );
    case 'EACCES':
    case 'EPERM':
      return new AppFailure(
        'internal',
        `The data folder is read-only for you: Rancher Keys may not write in ${dir}. Give your user write access to it (for example \`chmod u+rwx\` on the folder), then retry.`,
        { cause: error },
      );
    case 'ENOTDIR':
    case 'EISDIR':
      return new AppFailure(
        'internal',
        `Rancher Keys could not save in ${dir}: a file is where a folder should be (or a folder where a file should be). Move it out of the way, then restart Rancher Keys.`,
        { cause: error },
      );
    default:
      return error;
  }
}

/** Whether an error is one {@link storageFailure} explains (the data folder cannot be written). */
export function isStorageError(error: unknown): boolean {
  return storageFailure(error, '') !== error;
}
