import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore } from '../../../../electron/core/create-core';
import { createMemoryLogger } from '../../../../electron/core/log';
import { LOCK_FILE } from '../../../../electron/core/vault/data-dir-lock';
import { createMemorySecretStore } from '../../../../electron/core/vault/memory-secret-store';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';
import { storageFailure } from '../../../../electron/core/vault/storage-errors';
import { createManualClock } from '../fakes/manual-clock';
import { createRecordingClipboard } from '../fakes/recording-clipboard';

const schema = z.object({ n: z.number() });
const NOW = Date.UTC(2025, 0, 2);
const stamp = new Date(NOW).toISOString().replace(/[:.]/g, '-');

const tempDir = () => mkdtemp(path.join(tmpdir(), 'rk-damage-'));
const store = (dir: string) =>
  createMetadataStore({ dir, log: createMemoryLogger(), now: () => NOW });

function core(dataDir: string) {
  return createCore({
    appVersion: 'test',
    platform: 'linux',
    dataDir,
    secrets: createMemorySecretStore(),
    clipboard: createRecordingClipboard(),
    clock: createManualClock(NOW),
    log: createMemoryLogger(),
  });
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: boom`), { code });
}

describe('a damaged data directory', () => {
  it('starts and reports when a data file is a directory', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'settings.json'));
    await mkdir(path.join(dir, 'servers.json'));
    const c = core(dir);
    await c.start();
    const info = await c.dispatch('app:info', {});
    expect(info.ok).toBe(true);
    const problems = (info as { value: { dataProblems?: Array<{ file: string }> } }).value
      .dataProblems;
    expect(problems?.map((p) => p.file).sort()).toEqual(['servers.json', 'settings.json']);
    expect(await c.dispatch('settings:set', { theme: 'dark' })).toMatchObject({ ok: true });
    await c.stop();
  });

  it('starts, ignores and reports a damaged file that cannot be moved aside', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '{ not json');
    // The place it would be moved to is taken by a non-empty folder, so the move fails.
    await mkdir(path.join(dir, `settings.json.corrupt-${stamp}`, 'x'), { recursive: true });
    const s = store(dir);
    await s.open();
    expect(await s.read('settings', schema, { n: 0 })).toEqual({ n: 0 });
    expect(s.problems()).toHaveLength(1);
    expect(s.problems()[0]?.movedTo).toBeNull();
    expect(s.problems()[0]?.reason).toMatch(/not valid JSON.*could not be set aside/);
  });

  it('moves a file that stands where the data folder should be aside and starts', async () => {
    const parent = await tempDir();
    const dir = path.join(parent, 'data');
    await writeFile(dir, 'not a folder');
    const c = core(dir);
    await c.start();
    expect(await c.dispatch('settings:set', { theme: 'dark' })).toMatchObject({ ok: true });
    expect((await readdir(parent)).sort()).toEqual(['data', `data.corrupt-${stamp}`]);
    await c.stop();
  });

  it('removes partial temp files a crash left when it opens the folder', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json.0a1b2c3d.tmp'), '{"the');
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const s = store(dir);
    await s.open();
    expect((await readdir(dir)).sort()).toEqual(['notes.txt', LOCK_FILE].sort());
    await s.close();
  });
});

describe('full and read-only disks', () => {
  it.each([
    ['ENOSPC', /disk is full.*Free some space/],
    ['EROFS', /data folder is read-only.*read-write/],
    ['EACCES', /read-only for you.*write access/],
  ])('says what %s means and what to do', (code, message) => {
    const failure = storageFailure(errno(code), '/home/u/.config/Rancher Keys');
    expect(failure).toMatchObject({ code: 'internal', message });
    expect((failure as Error).message).not.toMatch(/restart the app/);
  });

  it('names the problem instead of "internal … restart" when the data folder cannot be made', async () => {
    const parent = await tempDir();
    await writeFile(path.join(parent, 'file'), 'x');
    const s = store(path.join(parent, 'file', 'data'));
    await expect(s.write('doc', schema, { n: 1 })).rejects.toThrow(
      /a file is where a folder should be/,
    );
  });
});

describe('one writer per data directory', () => {
  it('refuses a second writer with a clear message and lets it in once the first closes', async () => {
    const dir = await tempDir();
    const first = store(dir);
    await first.open();
    const second = store(dir);
    await second.open();
    const refused = await second.write('doc', schema, { n: 2 }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string },
    );
    expect(refused?.code).toBe('conflict');
    expect(refused?.message).toContain(
      `Another Rancher Keys (process ${process.pid}) is using the data folder`,
    );
    await first.write('doc', schema, { n: 1 });
    await first.close();
    const third = store(dir);
    await third.open();
    await third.write('doc', schema, { n: 3 });
    expect(JSON.parse(await readFile(path.join(dir, 'doc.json'), 'utf8'))).toEqual({ n: 3 });
    await third.close();
  });

  it('says in app:info that the data folder is in use, for the window to show', async () => {
    const dir = await tempDir();
    const first = core(dir);
    await first.start();
    const second = core(dir);
    await second.start();
    const info = (await second.dispatch('app:info', {})) as {
      value: { dataFolderInUse?: string };
    };
    expect(info.value.dataFolderInUse).toMatch(
      new RegExp(
        `^Another Rancher Keys \\(process ${process.pid}\\) is using the data folder .*Close the other one`,
      ),
    );
    const own = (await first.dispatch('app:info', {})) as { value: { dataFolderInUse?: string } };
    expect(own.value.dataFolderInUse).toBeUndefined();
    await second.stop();
    await first.stop();
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 1, token: 'old' }));
    const s = store(dir);
    await s.open();
    await s.write('doc', schema, { n: 1 });
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await s.close();
  });

  it('lets readers in without a lock', async () => {
    const dir = await tempDir();
    const writer = store(dir);
    await writer.open();
    await writer.write('doc', schema, { n: 5 });
    const reader = createMetadataStore({ dir, log: createMemoryLogger(), readOnly: true });
    expect(await reader.read('doc', schema, { n: 0 })).toEqual({ n: 5 });
    await writer.close();
  });
});
