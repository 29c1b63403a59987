import type { MetadataStore } from '../vault/metadata-store';
import {
  emptyServerKeysDoc,
  serverKeysDocName,
  serverKeysDocSchema,
  type KeyRecord,
  type ServerKeysDoc,
} from './key-records';

/**
 * The per-server key documents, held in memory and written through to metadata. Updates to one
 * server are serialised so that a refresh and a user action cannot overwrite each other.
 */
export interface KeyCache {
  load(serverId: string): Promise<ServerKeysDoc>;
  get(serverId: string): ServerKeysDoc;
  /** Applies `change` to the current document and persists the result. */
  update(serverId: string, change: (doc: ServerKeysDoc) => ServerKeysDoc): Promise<ServerKeysDoc>;
  /** Convenience: changes one record (no-op when absent). */
  updateRecord(
    serverId: string,
    keyId: string,
    change: (record: KeyRecord) => KeyRecord | null,
  ): Promise<KeyRecord | null>;
  forget(serverId: string): Promise<void>;
  serverIds(): string[];
}

export function createKeyCache(metadata: MetadataStore): KeyCache {
  const docs = new Map<string, ServerKeysDoc>();
  const queues = new Map<string, Promise<unknown>>();

  function serial<T>(serverId: string, job: () => Promise<T>): Promise<T> {
    const previous = queues.get(serverId) ?? Promise.resolve();
    const next = previous.then(job, job);
    queues.set(
      serverId,
      next.catch(() => undefined),
    );
    return next;
  }

  const cache: KeyCache = {
    async load(serverId) {
      const doc = await metadata.read(
        serverKeysDocName(serverId),
        serverKeysDocSchema,
        emptyServerKeysDoc(),
      );
      docs.set(serverId, doc);
      return doc;
    },
    get: (serverId) => docs.get(serverId) ?? emptyServerKeysDoc(),
    update(serverId, change) {
      return serial(serverId, async () => {
        const next = change(cache.get(serverId));
        await metadata.write(serverKeysDocName(serverId), serverKeysDocSchema, next);
        docs.set(serverId, next);
        return next;
      });
    },
    async updateRecord(serverId, keyId, change) {
      let result: KeyRecord | null = null;
      await cache.update(serverId, (doc) => {
        const record = doc.keys[keyId];
        if (!record) return doc;
        const keys = { ...doc.keys };
        const changed = change(record);
        if (changed) keys[keyId] = changed;
        else delete keys[keyId];
        result = changed;
        return { ...doc, keys };
      });
      return result;
    },
    async forget(serverId) {
      docs.delete(serverId);
      await metadata.remove(serverKeysDocName(serverId));
    },
    serverIds: () => [...docs.keys()],
  };
  return cache;
}
