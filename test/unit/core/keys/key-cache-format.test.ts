import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyCache } from '../../../../electron/core/keys/key-cache';
import { readKeysFile, writeKeysFile } from '../../../../electron/core/keys/key-cache-file';
import {
  compactFileParts,
  KEYS_FILE_MAX_BYTES,
  keysFileSchema,
  toCompactFile,
} from '../../../../electron/core/keys/key-cache-format';
import {
  recordFor,
  serverKeysDocName,
  type KeyRecord,
  type ServerKeysDoc,
} from '../../../../electron/core/keys/key-records';
import { idTable } from '../../../../electron/core/id-table';
import { createMemoryLogger } from '../../../../electron/core/log';
import { createMetadataStore } from '../../../../electron/core/vault/metadata-store';
import type { RancherToken } from '../../../../electron/core/rancher/rancher-client';

const token = (name: string, extra: Partial<RancherToken> = {}): RancherToken => ({
  family: 'v3',
  name,
  kind: 'api_key',
  description: `key ${name}`,
  userId: 'user-abc12',
  clusterId: null,
  createdAt: '2025-01-01T00:00:00Z',
  lastUsedAt: null,
  expiresAt: '2025-04-01T00:00:00Z',
  ttlMs: 90 * 86_400_000,
  enabled: true,
  expired: false,
  ...extra,
});

/** Records covering every field and flag away from its default, and odd but valid instants. */
function varied(): ServerKeysDoc {
  const records: KeyRecord[] = [
    recordFor(token('token-plain')),
    recordFor(token('token-ext01', { family: 'ext', kind: 'kubeconfig', clusterId: 'c-m-1' }), {
      hasSecret: true,
      preview: 'ext/token-ext01:h6dp…gj4',
      labels: ['prod', 'ci pipeline'],
      snoozedUntil: '2025-02-03T04:05:06.789Z',
      revokeAt: '2025-02-01T00:00:00Z',
      handle: 'token-older',
      toolsDefault: true,
    }),
    recordFor(
      token('token-odd01', {
        kind: 'system',
        userId: '',
        clusterId: 'c-m-2',
        // Text that epoch seconds would not give back exactly: kept as text.
        createdAt: '2025-01-01T00:00:00.000Z',
        lastUsedAt: '1969-12-31T23:59:59Z',
        expiresAt: null,
        ttlMs: null,
        enabled: false,
        expired: true,
      }),
      { onServer: false, pendingRevocation: true },
    ),
    recordFor(token('token-sess1', { kind: 'session', userId: 'user-other', clusterId: 'c-m-1' })),
  ];
  const keys = idTable<KeyRecord>();
  for (const r of records)
    keys[r.token.family === 'ext' ? `ext/${r.token.name}` : r.token.name] = r;
  return { refreshedAt: '2025-01-02T03:04:05.678Z', keys };
}

const reread = (doc: ServerKeysDoc) =>
  keysFileSchema.parse(JSON.parse(JSON.stringify(toCompactFile(doc))));

async function make() {
  const dir = await mkdtemp(path.join(tmpdir(), 'rk-keysfile-'));
  const log = createMemoryLogger();
  const metadata = createMetadataStore({ dir, log, now: () => Date.UTC(2025, 0, 2) });
  const file = path.join(dir, `${serverKeysDocName('s1')}.json`);
  return { dir, log, metadata, file };
}

describe('the compact keys file', () => {
  it('gives back every record exactly, whatever its fields', () => {
    const doc = varied();
    const back = reread(doc);
    expect(back.format).toBe(2);
    expect(back.doc).toEqual(doc);
    expect(Object.getPrototypeOf(back.doc.keys)).toBeNull();
  });

  /** Every part the writer would ask for, in order. */
  async function compactFileText(doc: ServerKeysDoc): Promise<string[]> {
    const parts: string[] = [];
    for await (const part of compactFileParts(doc)) parts.push(part);
    return parts;
  }

  it('writes text in parts that reads back as the same document', async () => {
    const doc = varied();
    const text = (await compactFileText(doc)).join('');
    expect(keysFileSchema.parse(JSON.parse(text))).toEqual({ doc, format: 2 });
    const many = idTable<KeyRecord>();
    for (let i = 0; i < 4_500; i++) many[`token-${i}`] = recordFor(token(`token-${i}`));
    const parts = await compactFileText({ refreshedAt: null, keys: many });
    expect(parts.length).toBeGreaterThan(3);
    expect(Object.keys(keysFileSchema.parse(JSON.parse(parts.join(''))).doc.keys)).toHaveLength(
      4_500,
    );
  });

  it('lists server-wide ids once and keeps default local facts out of the rows', () => {
    const file = toCompactFile(varied());
    expect(file.users).toEqual(['user-abc12', '', 'user-other']);
    expect(file.clusters).toEqual(['c-m-1', 'c-m-2']);
    expect(file.keys[0]).toHaveLength(9);
    expect(file.keys[1]?.[9]).toMatchObject({ l: ['prod', 'ci pipeline'], h: 'token-older' });
  });

  it('takes under 100 bytes a key for a typical list, a sixth of the previous format', () => {
    const keys = idTable<KeyRecord>();
    for (let i = 0; i < 10_000; i++) {
      const name = `token-${i.toString(36).padStart(5, '0')}`;
      keys[name] = recordFor(token(name, { lastUsedAt: '2025-01-05T10:00:00Z' }));
    }
    const doc = { refreshedAt: null, keys };
    const compact = JSON.stringify(toCompactFile(doc)).length;
    const previous = JSON.stringify({ version: 1, ...doc }, null, 2).length;
    expect(compact / 10_000).toBeLessThan(100);
    expect(compact * 6).toBeLessThan(previous);
  });

  it('refuses a row that names a user or cluster the file does not list', () => {
    const file = toCompactFile(varied());
    file.keys[1]![4] = 7;
    const parsed = keysFileSchema.safeParse(JSON.parse(JSON.stringify(file)));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['keys', 1]);
  });

  it('refuses a file that lists one key twice', () => {
    const file = toCompactFile(varied());
    file.keys.push(file.keys[0]!);
    expect(keysFileSchema.safeParse(JSON.parse(JSON.stringify(file))).success).toBe(false);
  });

  it('refuses unknown flag bits, unknown local fields and overlong text', () => {
    const base = () => JSON.parse(JSON.stringify(toCompactFile(varied()))) as { keys: unknown[][] };
    const flags = base();
    flags.keys[0]![1] = 1024;
    const local = base();
    local.keys[1]![9] = { l: [], secret: 'x' };
    const long = base();
    long.keys[0]![2] = 'x'.repeat(5_000);
    for (const file of [flags, local, long])
      expect(keysFileSchema.safeParse(file).success).toBe(false);
  });
});

describe('the keys file on disk', () => {
  it('reads a file in the previous format and rewrites it in the compact one, losing nothing', async () => {
    const { metadata, file, log } = await make();
    const doc = varied();
    // Exactly as version 1 wrote it (pretty-printed objects, every field).
    await writeFile(file, `${JSON.stringify({ version: 1, ...doc }, null, 2)}\n`);
    const cache = createKeyCache(metadata, { log });
    expect(await cache.load('s1')).toEqual(doc);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { version: number };
    expect(onDisk.version).toBe(2);
    expect((await readKeysFile(metadata, 's1')).doc).toEqual(doc);
    // A second start finds nothing to convert.
    const again = createKeyCache(metadata, { log });
    expect(await again.load('s1')).toEqual(doc);
    expect(log.lines.filter((l) => l.includes('converted'))).toHaveLength(1);
  });

  it('keeps the previous file readable when it cannot be rewritten (another writer holds the folder)', async () => {
    const { dir, file, log } = await make();
    const doc = varied();
    const text = `${JSON.stringify({ version: 1, ...doc }, null, 2)}\n`;
    await writeFile(file, text);
    const owner = createMetadataStore({ dir, log });
    await owner.open();
    const second = createMetadataStore({ dir, log });
    await second.open();
    expect(second.refusal()).not.toBeNull();
    expect(await createKeyCache(second, { log }).load('s1')).toEqual(doc);
    expect(await readFile(file, 'utf8')).toBe(text);
    await owner.close();
  });

  it('never writes a file it could not read back; the previous one stays', async () => {
    const { metadata, file } = await make();
    await writeKeysFile(metadata, 's1', varied());
    const before = await readFile(file, 'utf8');
    const bad = varied();
    bad.keys['token-plain'] = recordFor(token(''));
    await expect(writeKeysFile(metadata, 's1', bad)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await readKeysFile(metadata, 's1')).doc).toEqual(varied());
  });

  it('writes what the row schema accepts, also where only zod accepts it', async () => {
    const { metadata } = await make();
    const doc = varied();
    // Not a field a record has, but what the schema's optional cell takes (and JSON leaves out).
    const odd = { ...recordFor(token('token-odd11')), hasSecret: true };
    (odd as { preview: string | null | undefined }).preview = undefined;
    doc.keys['token-odd11'] = odd;
    await writeKeysFile(metadata, 's1', doc);
    const back = (await readKeysFile(metadata, 's1')).doc.keys['token-odd11'];
    expect(back).toMatchObject({ hasSecret: true, preview: null });
    // A row outside the schema is refused, whichever check sees it.
    const bad = varied();
    bad.keys['token-bad11'] = recordFor(token('token-bad11', { ttlMs: Number.NaN }));
    await expect(writeKeysFile(metadata, 's1', bad)).rejects.toThrow();
  });

  it('sets a damaged file aside, reports it and starts from an empty list', async () => {
    const { dir, metadata, file } = await make();
    await writeFile(
      file,
      '{"version":2,"refreshedAt":null,"users":[],"clusters":[],"keys":[["token-a"',
    );
    const { doc } = await readKeysFile(metadata, 's1');
    expect(Object.keys(doc.keys)).toEqual([]);
    expect(metadata.problems()[0]?.reason).toBe('not valid JSON');
    expect((await readdir(dir)).some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('does not read a file larger than any list Rancher Keys writes: set aside and reported', async () => {
    const { dir, metadata, file } = await make();
    await writeFile(file, '{}');
    // Sparse: the size is what is checked, before anything is read.
    await truncate(file, KEYS_FILE_MAX_BYTES + 1);
    const { doc } = await readKeysFile(metadata, 's1');
    expect(Object.keys(doc.keys)).toEqual([]);
    expect(metadata.problems()[0]?.reason).toMatch(/larger than 128 MiB/);
    expect(await readdir(dir)).not.toContain(path.basename(file));
  });
});
