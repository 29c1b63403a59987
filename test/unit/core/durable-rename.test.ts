import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  renameDurably,
  syncDirectory,
  type OpenForSync,
} from '../../../electron/core/durable-rename';

/** An opener that records which directories were opened and synced, then opens them for real. */
function recordingOpener(): { open: OpenForSync; synced: string[]; closed: string[] } {
  const synced: string[] = [];
  const closed: string[] = [];
  const open: OpenForSync = async (dir) => {
    const { open: realOpen } = await import('node:fs/promises');
    const handle = await realOpen(dir, 'r');
    return {
      sync: async () => {
        await handle.sync();
        synced.push(dir);
      },
      close: async () => {
        await handle.close();
        closed.push(dir);
      },
    };
  };
  return { open, synced, closed };
}

function failingOpener(code: string): OpenForSync {
  return () => Promise.reject(Object.assign(new Error(code), { code }));
}

describe('renameDurably', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-durable-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renames the file over the target, then fsyncs the target directory', async () => {
    await writeFile(path.join(dir, 'a.tmp'), 'new');
    await writeFile(path.join(dir, 'a.json'), 'old');
    const opener = recordingOpener();
    await renameDurably(path.join(dir, 'a.tmp'), path.join(dir, 'a.json'), opener.open);
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('new');
    expect(opener.synced).toEqual([dir]);
    expect(opener.closed).toEqual([dir]);
  });

  it('treats a platform that cannot fsync a directory (Windows: EISDIR, EPERM) as done', async () => {
    await writeFile(path.join(dir, 'b.tmp'), 'x');
    await renameDurably(path.join(dir, 'b.tmp'), path.join(dir, 'b'), failingOpener('EISDIR'));
    await expect(syncDirectory(dir, failingOpener('EPERM'))).resolves.toBeUndefined();
    expect(await readFile(path.join(dir, 'b'), 'utf8')).toBe('x');
  });

  it('reports any other failure to open the directory', async () => {
    await expect(syncDirectory(dir, failingOpener('EIO'))).rejects.toMatchObject({ code: 'EIO' });
  });

  it('fsyncs a real directory with the default opener', async () => {
    await writeFile(path.join(dir, 'c.tmp'), 'y');
    await renameDurably(path.join(dir, 'c.tmp'), path.join(dir, 'c'));
    expect(await readFile(path.join(dir, 'c'), 'utf8')).toBe('y');
  });
});
