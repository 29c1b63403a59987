import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AppFailure } from '../app-failure';
import { renameDurably } from '../durable-rename';
import type { Logger } from '../log';
import { oneOffParse } from '../one-off-parse';
import { createDataDirLock } from './data-dir-lock';
import { storageFailure } from './storage-errors';

/**
 * A problem found while reading a metadata file: the file was moved aside (`movedTo`), or, when even
 * that failed, left in place and ignored (`movedTo` null). Never silently dropped.
 */
export interface MetadataProblem {
  file: string;
  movedTo: string | null;
  reason: string;
}

/**
 * Non-secret JSON documents (servers, labels, caches, settings, journal) under the app's data
 * directory: validated with zod on read, written atomically (temp file, fsync, rename) with mode
 * 0600. A file that does not parse is moved aside as `<name>.corrupt-<time>` and reported, and the
 * document starts from its fallback.
 */
export interface MetadataStore {
  readonly dir: string;
  /**
   * Prepares the data directory for writing, at start: a file where the directory should be is
   * moved aside (reported), the one-writer lock is taken, and partial `*.tmp` files a crash left are
   * removed. Never throws: without the lock every write is refused with the reason.
   */
  open(): Promise<void>;
  /** Releases the writer lock (stop). */
  close(): Promise<void>;
  /**
   * Reads a document; `fallback` when the file is missing or was corrupt (then reported). A file
   * over `maxBytes` counts as corrupt and is not read into memory.
   */
  read<S extends z.ZodType>(
    name: string,
    schema: S,
    fallback: z.output<S>,
    options?: { maxBytes?: number },
  ): Promise<z.output<S>>;
  write<S extends z.ZodType>(name: string, schema: S, value: z.input<S>): Promise<void>;
  /**
   * Writes a document given as JSON text in parts, as {@link MetadataStore.write} does (atomically,
   * durably, 0600), for documents too large to hold as one string. The caller has checked the
   * content against the schema it is read with. Parts may be made while the file is written (an
   * async iterable, asked for one part after another is written); one that throws leaves the
   * document as it was: the temp file is removed, never renamed over it.
   */
  writeText(name: string, parts: Iterable<string> | AsyncIterable<string>): Promise<void>;
  remove(name: string): Promise<void>;
  /** Why writes are refused (another writer holds the lock), or null. */
  refusal(): string | null;
  /** Problems found since start (for the UI to report). */
  problems(): readonly MetadataProblem[];
}

const safeName = /^[a-z0-9][a-z0-9._-]*$/;

export function createMetadataStore(options: {
  dir: string;
  log: Logger;
  now?: () => number;
  /**
   * For readers beside the app (the `rancher-keys` command): nothing is ever written, and a
   * corrupt file is reported as an error instead of being moved aside (that is the app's job).
   */
  readOnly?: boolean;
}): MetadataStore {
  const { dir, log } = options;
  const readOnly = options.readOnly ?? false;
  const now = options.now ?? Date.now;
  const found: MetadataProblem[] = [];
  const lock = createDataDirLock(dir);
  let refused: string | null = null;
  // Writes to one file are serialised so that two quick updates cannot land out of order.
  const queues = new Map<string, Promise<void>>();

  // The directory is made once, not before every write (a refresh writes twenty documents).
  let dirReady: Promise<unknown> | null = null;
  function ensureDir(): Promise<unknown> {
    dirReady ??= mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      dirReady = null;
      throw error;
    });
    return dirReady;
  }

  function fileOf(name: string): string {
    if (!safeName.test(name)) throw new Error(`invalid metadata document name: ${name}`);
    return path.join(dir, `${name}.json`);
  }

  async function moveAside(file: string, reason: string): Promise<void> {
    if (readOnly) {
      throw new AppFailure(
        'internal',
        `${path.basename(file)} in ${dir} is damaged (${reason}). Start Rancher Keys once: it sets the file aside and reports it.`,
      );
    }
    const movedTo = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(file, movedTo);
    } catch (error) {
      // Cannot be moved (read-only folder, permissions): ignored where it is, and said so.
      found.push({
        file,
        movedTo: null,
        reason: `${reason}; it could not be set aside (${codeOf(error)})`,
      });
      log.warn('metadata: a damaged file could not be moved aside; ignored', {
        file: path.basename(file),
        code: codeOf(error),
      });
      return;
    }
    found.push({ file, movedTo, reason });
    log.warn('metadata: a corrupt file was moved aside', {
      file: path.basename(file),
      movedTo: path.basename(movedTo),
    });
  }

  function refuseWrites(): void {
    if (refused) throw new AppFailure('conflict', refused);
  }

  /** Temp file, every part, fsync, rename: a crash leaves the old file or the new one. */
  async function writeParts(
    name: string,
    parts: Iterable<string> | AsyncIterable<string>,
  ): Promise<void> {
    const file = fileOf(name);
    const previous = queues.get(file) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        await ensureDir();
        const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
        const handle = await open(temp, 'w', 0o600).catch(async (error: unknown) => {
          // The directory went away since it was made: make it again, once.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          dirReady = null;
          await ensureDir();
          return open(temp, 'w', 0o600);
        });
        try {
          try {
            // Each part is written from where the previous one ended.
            for await (const part of parts) await handle.writeFile(part);
            await handle.sync();
          } finally {
            await handle.close();
          }
          await renameDurably(temp, file);
        } catch (error) {
          // A half-written temp file (disk full) is removed rather than left to fill the disk.
          await rm(temp, { force: true }).catch(() => undefined);
          throw error;
        }
      })
      .catch((error: unknown) => {
        throw storageFailure(error, dir);
      });
    queues.set(
      file,
      next.catch(() => undefined),
    );
    await next;
  }

  return {
    dir,
    async open() {
      if (readOnly) return;
      try {
        const info = await stat(dir).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        });
        if (info && !info.isDirectory())
          await moveAside(dir, 'a file where the data folder should be');
        await ensureDir();
        const result = await lock.acquire();
        if (!result.held) {
          refused = `Another Rancher Keys (process ${result.pid}) is using the data folder ${dir}, so this one does not change anything. Close the other one, then restart this one.`;
          log.warn('metadata: another process holds the writer lock; writes are refused', {
            pid: result.pid,
          });
          return;
        }
        // Partial temp files of writes a crash interrupted (the documents themselves are intact).
        for (const entry of await readdir(dir)) {
          if (/\.json\.[0-9a-f]+\.tmp$/.test(entry))
            await rm(path.join(dir, entry), { force: true });
        }
      } catch (error) {
        log.warn('metadata: the data folder could not be prepared', { code: codeOf(error) });
      }
    },
    async close() {
      if (readOnly || refused) return;
      await lock.release().catch(() => undefined);
    },
    refusal: () => refused,
    async read(name, schema, fallback, options = {}) {
      const file = fileOf(name);
      let text: string | null;
      try {
        text = await readBounded(file, options.maxBytes ?? Infinity);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
        if (readOnly) throw error;
        // A folder where the file should be, no permission, an I/O error: set aside if possible,
        // else ignored; either way reported, and the app starts.
        await moveAside(file, `it could not be read (${codeOf(error)})`);
        return fallback;
      }
      if (text === null) {
        await moveAside(
          file,
          `it is larger than ${Math.round((options.maxBytes ?? 0) / 2 ** 20)} MiB, more than Rancher Keys ever writes there`,
        );
        return fallback;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        await moveAside(file, 'not valid JSON');
        return fallback;
      }
      const parsed = schema.safeParse(json, oneOffParse);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        await moveAside(
          file,
          `unexpected content${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
        );
        return fallback;
      }
      return parsed.data;
    },
    async write(name, schema, value) {
      if (readOnly) throw new Error(`metadata: ${name} is opened read-only`);
      refuseWrites();
      const data = `${JSON.stringify(schema.parse(value), null, 2)}\n`;
      await writeParts(name, [data]);
    },
    async writeText(name, parts) {
      if (readOnly) throw new Error(`metadata: ${name} is opened read-only`);
      refuseWrites();
      await writeParts(name, parts);
    },
    async remove(name) {
      if (readOnly) throw new Error(`metadata: ${name} is opened read-only`);
      refuseWrites();
      await rm(fileOf(name), { force: true }).catch((error: unknown) => {
        throw storageFailure(error, dir);
      });
    },
    problems: () => found,
  };
}

/** The file's text, or null when it is larger than `maxBytes` (then it is not read at all). */
async function readBounded(file: string, maxBytes: number): Promise<string | null> {
  if (maxBytes === Infinity) return readFile(file, 'utf8');
  const handle = await open(file, 'r');
  try {
    if ((await handle.stat()).size > maxBytes) return null;
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
}
