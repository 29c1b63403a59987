import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyCache } from '../../../../electron/core/keys/key-cache';
import { serverKeysDocName, type ServerKeysDoc } from '../../../../electron/core/keys/key-records';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';

async function make() {
  const dir = await mkdtemp(path.join(tmpdir(), 'rk-cache-'));
  const metadata = createMetadataStore({ dir, log: createMemoryLogger() });
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
  return { cache, onDisk };
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
});
