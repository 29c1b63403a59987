import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';

const schema = z.object({ n: z.number() });

async function make() {
  const dir = await mkdtemp(path.join(tmpdir(), 'rk-meta-'));
  const log = createMemoryLogger();
  return { dir, log, store: createMetadataStore({ dir, log, now: () => Date.UTC(2025, 0, 2) }) };
}

describe('createMetadataStore', () => {
  it('writes a file with mode 0600 and reads it back', async () => {
    const { dir, store } = await make();
    await store.write('doc', schema, { n: 1 });
    expect((await stat(path.join(dir, 'doc.json'))).mode & 0o777).toBe(0o600);
    expect(await store.read('doc', schema, { n: 0 })).toEqual({ n: 1 });
  });

  it('returns the fallback when the file is missing', async () => {
    const { store } = await make();
    expect(await store.read('missing', schema, { n: 7 })).toEqual({ n: 7 });
    expect(store.problems()).toEqual([]);
  });

  it('moves a corrupt file aside and reports it when the JSON does not parse', async () => {
    const { dir, store, log } = await make();
    await writeFile(path.join(dir, 'doc.json'), '{ not json');
    expect(await store.read('doc', schema, { n: 0 })).toEqual({ n: 0 });
    const files = await readdir(dir);
    expect(files).not.toContain('doc.json');
    const aside = files.find((f) => f.startsWith('doc.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside!), 'utf8')).toBe('{ not json');
    expect(store.problems()).toHaveLength(1);
    expect(store.problems()[0]?.reason).toBe('not valid JSON');
    expect(log.lines.join('\n')).toMatch(/moved aside/);
  });

  it('moves aside a file whose content does not match the schema', async () => {
    const { dir, store } = await make();
    await writeFile(path.join(dir, 'doc.json'), '{"n":"one"}');
    expect(await store.read('doc', schema, { n: 0 })).toEqual({ n: 0 });
    expect(store.problems()[0]?.reason).toMatch(/unexpected content at n/);
  });

  it('leaves no temp file behind and keeps the last of quick successive writes', async () => {
    const { dir, store } = await make();
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.write('doc', schema, { n })));
    expect(await store.read('doc', schema, { n: 0 })).toEqual({ n: 5 });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('writes parts made while the file is written, and keeps the old file when one fails', async () => {
    const { dir, store } = await make();
    let made = 0;
    async function* parts(fail: boolean) {
      yield '{"n":';
      made++;
      // The next part is asked for only after the previous one is on its way to the disk.
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw new Error('a row failed its check');
      yield '2}';
      made++;
    }
    await store.writeText('doc', parts(false));
    expect(made).toBe(2);
    expect(await store.read('doc', schema, { n: 0 })).toEqual({ n: 2 });
    await expect(store.writeText('doc', parts(true))).rejects.toThrow('a row failed its check');
    expect(await readFile(path.join(dir, 'doc.json'), 'utf8')).toBe('{"n":2}');
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('refuses a document name that could escape the directory', async () => {
    const { store } = await make();
    await expect(store.write('../evil', schema, { n: 1 })).rejects.toThrow(/invalid metadata/);
  });
});
