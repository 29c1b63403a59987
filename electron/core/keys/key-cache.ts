import type { Logger } from '../log';
import type { MetadataStore } from '../vault/metadata-store';
import {
  emptyServerKeysDoc,
  serverKeysDocName,
  type KeyRecord,
  type ServerKeysDoc,
} from './key-records';
import { readKeysFile, writeKeysFile } from './key-cache-file';
import { idTable, ownEntry } from '../id-table';

/**
 * The per-server key documents, held in memory and written through to metadata. Updates to one
 * server are serialised so that a refresh and a user action cannot overwrite each other.
 */
export interface KeyCache {
  load(serverId: string): Promise<ServerKeysDoc>;
  get(serverId: string): ServerKeysDoc;
  /** Applies `change` to the current document and persists the result before resolving. */
  update(serverId: string, change: (doc: ServerKeysDoc) => ServerKeysDoc): Promise<ServerKeysDoc>;
  /**
   * Applies `change` in memory at once and persists it in the background, coalesced with other
   * such changes of the server. Only for what the server can give again (a refreshed list): a
   * crash before the write loses nothing the next refresh does not restore. `change` must carry
   * the local facts (labels, secrets held, pending revocations) over unchanged; those are written
   * by {@link KeyCache.update}, which also writes any background change still pending.
   */
  updateRefetchable(
    serverId: string,
    change: (doc: ServerKeysDoc) => ServerKeysDoc,
  ): Promise<ServerKeysDoc>;
  /**
   * Changes one record (no-op when absent) and persists it before resolving. The table is changed
   * in place once the write is durable (the document is a new object): a user's action on one
   * key of 100,000 does not copy the table (bench/RESULTS.md, Scale, fifth round). Removing the
   * record (`change` gives null) makes a new table.
   */
  updateRecord(
    serverId: string,
    keyId: string,
    change: (record: KeyRecord) => KeyRecord | null,
  ): Promise<KeyRecord | null>;
  /** Writes the background changes still pending (stop, tests); failures are logged. */
  flush(): Promise<void>;
  forget(serverId: string): Promise<void>;
  serverIds(): string[];
}

/**
 * How long background writes wait: a refresh of every server changes every document within a few
 * milliseconds, and their writes (validation, JSON, fsync) are kept out of that burst.
 */
const BACKGROUND_WRITE_DELAY_MS = 250;

export function createKeyCache(
  metadata: MetadataStore,
  options: { log?: Logger; writeDelayMs?: number } = {},
): KeyCache {
  const docs = new Map<string, ServerKeysDoc>();
  // The document last written (or read) per server: a background write of it is a no-op.
  const persisted = new Map<string, ServerKeysDoc>();
  const timers = new Map<string, NodeJS.Timeout>();
  const queues = new Map<string, Promise<unknown>>();
  const writeDelayMs = options.writeDelayMs ?? BACKGROUND_WRITE_DELAY_MS;

  function serial<T>(serverId: string, job: () => Promise<T>): Promise<T> {
    const previous = queues.get(serverId) ?? Promise.resolve();
    const next = previous.then(job, job);
    queues.set(
      serverId,
      next.catch(() => undefined),
    );
    return next;
  }

  function persist(serverId: string): Promise<void> {
    const timer = timers.get(serverId);
    if (timer) clearTimeout(timer);
    timers.delete(serverId);
    return serial(serverId, async () => {
      const doc = docs.get(serverId);
      if (!doc || persisted.get(serverId) === doc) return;
      await writeKeysFile(metadata, serverId, doc);
      persisted.set(serverId, doc);
    });
  }

  // A failed background write is not fatal: the list stays in memory and is written next time.
  const persistOrLog = (serverId: string) =>
    persist(serverId).catch((error: unknown) =>
      options.log?.warn('keys: could not save the refreshed list', {
        serverId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );

  function persistSoon(serverId: string): void {
    if (timers.has(serverId)) return;
    const timer = setTimeout(() => {
      timers.delete(serverId);
      void persistOrLog(serverId);
    }, writeDelayMs);
    timer.unref?.();
    timers.set(serverId, timer);
  }

  const cache: KeyCache = {
    async load(serverId) {
      const { doc, format } = await readKeysFile(metadata, serverId);
      docs.set(serverId, doc);
      persisted.set(serverId, doc);
      // A file in the previous format is rewritten in the current one at once (a failure is
      // logged: the file stays readable as it is, and the next write converts it).
      if (format === 1) {
        persisted.delete(serverId);
        await persistOrLog(serverId);
        options.log?.info('keys: the cached list was converted to the compact format', {
          serverId,
        });
      }
      return doc;
    },
    get: (serverId) => docs.get(serverId) ?? emptyServerKeysDoc(),
    update(serverId, change) {
      return serial(serverId, async () => {
        const next = change(cache.get(serverId));
        await writeKeysFile(metadata, serverId, next);
        docs.set(serverId, next);
        persisted.set(serverId, next);
        return next;
      });
    },
    async updateRefetchable(serverId, change) {
      const next = await serial(serverId, () => {
        const doc = change(cache.get(serverId));
        docs.set(serverId, doc);
        return Promise.resolve(doc);
      });
      persistSoon(serverId);
      return next;
    },
    updateRecord(serverId, keyId, change) {
      return serial(serverId, async () => {
        const doc = cache.get(serverId);
        const record = ownEntry(doc.keys, keyId);
        const changed = record ? change(record) : null;
        let next = doc;
        if (changed) {
          // Written as it will be, then the table changed: readers see the old record until the
          // change is durable, as with a copy, and a failed write changes nothing.
          await writeKeysFile(metadata, serverId, doc, { id: keyId, record: changed });
          doc.keys[keyId] = changed;
          next = { ...doc };
        } else {
          if (record) {
            const keys = idTable(doc.keys);
            delete keys[keyId];
            next = { ...doc, keys };
          }
          await writeKeysFile(metadata, serverId, next);
        }
        docs.set(serverId, next);
        persisted.set(serverId, next);
        return changed;
      });
    },
    async flush() {
      const unsaved = [...docs.keys()].filter((id) => docs.get(id) !== persisted.get(id));
      await Promise.all(unsaved.map(persistOrLog));
    },
    forget(serverId) {
      const timer = timers.get(serverId);
      if (timer) clearTimeout(timer);
      timers.delete(serverId);
      return serial(serverId, async () => {
        docs.delete(serverId);
        persisted.delete(serverId);
        await metadata.remove(serverKeysDocName(serverId));
      });
    },
    serverIds: () => [...docs.keys()],
  };
  return cache;
}
