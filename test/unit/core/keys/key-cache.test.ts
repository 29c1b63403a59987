import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyCache } from '../../../../electron/core/keys/key-cache';
import { serverKeysDocName, type ServerKeysDoc } from '../../../../electron/core/keys/key-records';
import { createMemoryLogger } from '../../../../electron/core/log';
import {
  createMetadataStore,
  type MetadataStore,
} from '../../../../electron/core/vault/metadata-store';
import { mergeServerList } from '../../../../electron/core/keys/merge-server-list';
import { rancherToken } from '../../../support/rancher-token';

async function make() {
  const dir = await mkdtemp(path.join(tmpdir(), 'rk-cache-'));
  const store = createMetadataStore({ dir, log: createMemoryLogger() });
  // The real store, whose writes a test can make fail (a full disk, a lost lock).
  let writesFail = false;
  const metadata: MetadataStore = {
    ...store,
    writeText: (name, parts) =>
      writesFail ? Promise.reject(new Error('disk full')) : store.writeText(name, parts),
  };
  // A delay no test waits for: background writes happen only when flushed or overtaken.
  const cache = createKeyCache(metadata, { writeDelayMs: 3_600_000 });
  const onDisk = async (): Promise<ServerKeysDoc | null> => {
    try {
      const file = path.join(dir, `${serverKeysDocName('s1')}.json`);
      return JSON.parse(await readFile(file, 'utf8')) as ServerKeysDoc;
    } catch {
      return null;
    }
  };
  return {
    cache,
    onDisk,
    failWrites: (fail: boolean) => {
      writesFail = fail;
    },
  };
}

const refreshed = (at: string) => (doc: ServerKeysDoc) => ({ ...doc, refreshedAt: at });

describe('createKeyCache', () => {
  it('applies a refetchable change in memory at once and writes it when flushed', async () => {
    const { cache, onDisk } = await make();
    await cache.load('s1');
    await cache.updateRefetchable('s1', refreshed('t1'));
    expect(cache.get('s1').refreshedAt).toBe('t1');
    expect(await onDisk()).toBeNull();
    await cache.flush();
    expect((await onDisk())?.refreshedAt).toBe('t1');
  });

  it('writes a pending refetchable change with the next durable update', async () => {
    const { cache, onDisk } = await make();
    await cache.load('s1');
    await cache.updateRefetchable('s1', refreshed('t1'));
    await cache.update('s1', (doc) => ({ ...doc, version: 1 }));
    expect((await onDisk())?.refreshedAt).toBe('t1');
  });

  it('does not write again on flush when nothing changed since the last write', async () => {
    const { cache, onDisk } = await make();
    await cache.load('s1');
    await cache.update('s1', refreshed('t1'));
    await cache.updateRefetchable('s1', refreshed('t2'));
    await cache.forget('s1');
    await cache.flush();
    expect(await onDisk()).toBeNull();
  });

  it('changes one record in its table once the change is written, and not when the write fails', async () => {
    const { cache, onDisk, failWrites } = await make();
    await cache.load('s1');

    await cache.update(
      's1',
      (doc) =>
        mergeServerList(
          doc,
          ['token-aaa11', 'token-bbb22'].map((n) => rancherToken(n)),
          't1',
        ).doc,
    );
    const before = cache.get('s1');
    const other = before.keys['token-bbb22'];

    failWrites(true);
    await expect(
      cache.updateRecord('s1', 'token-aaa11', (r) => ({ ...r, labels: ['lost'] })),
    ).rejects.toThrow('disk full');
    expect(cache.get('s1')).toBe(before);
    expect(cache.get('s1').keys['token-aaa11']?.labels).toEqual([]);

    failWrites(false);
    await cache.updateRecord('s1', 'token-aaa11', (r) => ({ ...r, labels: ['prod'] }));
    const after = cache.get('s1');
    // A new document (views notice it), the same table (no copy of every key), one record changed.
    expect(after).not.toBe(before);
    expect(after.keys).toBe(before.keys);
    expect(after.keys['token-aaa11']?.labels).toEqual(['prod']);
    expect(after.keys['token-bbb22']).toBe(other);
    expect(JSON.stringify(await onDisk())).toContain('prod');

    // Removing a record is a new table.
    await cache.updateRecord('s1', 'token-aaa11', () => null);
    expect(cache.get('s1').keys).not.toBe(before.keys);
    expect(Object.keys(cache.get('s1').keys)).toEqual(['token-bbb22']);
  });
});
