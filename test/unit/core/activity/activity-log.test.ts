import { mkdtemp, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityEntrySchema } from '../../../../electron/contract/activity';
import {
  ACTIVITY_FILE,
  createActivityLog,
  parseActivityLines,
  type ActivityInput,
  type ActivityRetention,
} from '../../../../electron/core/activity/activity-log';
import { createMemoryLogger } from '../../../../electron/core/log';

const DAY = 86_400_000;
let dir: string;
let now: number;
let retention: ActivityRetention;

const entry = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  serverId: 'srv-1',
  serverName: 'prod',
  keyId: 'token-abc12',
  action: 'copy',
  outcome: 'ok',
  errorCode: null,
  detail: 'format bearer',
  ...over,
});

const open = () =>
  createActivityLog({ dir, now: () => now, retention: () => retention, log: createMemoryLogger() });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'activity-'));
  now = Date.UTC(2026, 0, 10);
  retention = { maxBytes: 10 * 1024 * 1024, maxAgeMs: 365 * DAY };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('activity log', () => {
  it('keeps appended entries across a restart, newest first, with increasing seq', async () => {
    const log = open();
    await log.load();
    await log.append([entry({ keyId: 'token-a' }), entry({ keyId: 'token-b' })]);
    await log.append([entry({ keyId: 'token-c', action: 'revoke' })]);
    await log.close();
    const again = open();
    await again.load();
    const { entries, total } = again.list({}, 10);
    expect(total).toBe(3);
    expect(entries.map((e) => [e.seq, e.keyId])).toEqual([
      [2, 'token-c'],
      [1, 'token-b'],
      [0, 'token-a'],
    ]);
    await again.append([entry()]);
    expect(again.list({}, 1).entries[0]?.seq).toBe(3);
    expect((await stat(path.join(dir, ACTIVITY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('filters by server, key, action and time, counting all matches beyond the limit', async () => {
    const log = open();
    await log.load();
    await log.append([entry({ keyId: 'token-a' })]);
    now += DAY;
    await log.append([
      entry({ keyId: 'token-b', action: 'revoke' }),
      entry({ serverId: 'srv-2', keyId: 'token-b' }),
    ]);
    expect(log.list({ keyId: 'token-b' }, 10).total).toBe(2);
    expect(log.list({ serverId: 'srv-2' }, 10).entries.map((e) => e.keyId)).toEqual(['token-b']);
    expect(log.list({ action: 'revoke' }, 10).total).toBe(1);
    const since = new Date(now - 1000).toISOString();
    expect(log.list({ from: since }, 10).total).toBe(2);
    expect(log.list({ to: since }, 10).total).toBe(1);
    const limited = log.list({}, 1);
    expect([limited.entries.length, limited.total]).toEqual([1, 3]);
  });

  it('ignores a torn last line on read and appends after it cleanly', async () => {
    const log = open();
    await log.load();
    await log.append([entry({ keyId: 'token-a' }), entry({ keyId: 'token-b' })]);
    await log.close();
    const file = path.join(dir, ACTIVITY_FILE);
    // A crash in the middle of the next write: half a line, no newline.
    await appendFile(file, '{"seq":2,"at":"2026-01-10T00:00:00.000Z","serverId":"srv');
    const again = open();
    await again.load();
    expect(again.list({}, 10).entries.map((e) => e.keyId)).toEqual(['token-b', 'token-a']);
    await again.append([entry({ keyId: 'token-c' })]);
    await again.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => (JSON.parse(l) as { keyId: string }).keyId)).toEqual([
      'token-a',
      'token-b',
      'token-c',
    ]);
  });

  it('skips a damaged line in the middle and keeps the rest', async () => {
    const file = path.join(dir, ACTIVITY_FILE);
    const good = (seq: number) =>
      JSON.stringify({ ...entry(), seq, at: new Date(now).toISOString() });
    await writeFile(file, `${good(0)}\nnot json\n{"seq":1}\n${good(2)}\n`);
    const log = open();
    await log.load();
    expect(log.list({}, 10).entries.map((e) => e.seq)).toEqual([2, 0]);
  });

  it('accepts and refuses lines exactly as zod does, on its plain and its compiled path alike', () => {
    // The first lines are parsed on zod's plain path, the rest with its compiled parser: hostile
    // lines in both parts, each compared with zod's own default parse of the same value.
    const good = (seq: number) => ({ ...entry(), seq, at: new Date(now).toISOString() });
    const hostile: unknown[] = [
      { ...good(1), seq: -1 },
      { ...good(1), seq: 1.5 },
      { ...good(1), at: 'yesterday' },
      { ...good(1), action: 'steal' },
      { ...good(1), outcome: 'maybe' },
      { ...good(1), detail: 'x'.repeat(201) },
      { ...good(1), serverId: 7 },
      { ...good(1), keyId: undefined },
      { ...good(1), extra: 'stripped, as zod strips it' },
      { ...good(1), errorCode: 'not_a_code' },
      [good(1)],
      null,
      'text',
    ];
    const values = Array.from({ length: 200 }, (_, i) =>
      i % 7 === 3 ? hostile[Math.floor(i / 7) % hostile.length] : good(i),
    );
    const text = `${values.map((v) => JSON.stringify(v)).join('\n')}\nnot json\n`;
    const expected = values.flatMap((v) => {
      const parsed = activityEntrySchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
    const refused = values.length - expected.length;
    expect(refused).toBeGreaterThan(20);
    expect(parseActivityLines(text)).toEqual({ entries: expected, damaged: refused + 1 });
  });

  it('drops entries older than the age limit when it loads', async () => {
    const log = open();
    await log.load();
    await log.append([entry({ keyId: 'token-old' })]);
    now += 40 * DAY;
    await log.append([entry({ keyId: 'token-new' })]);
    await log.close();
    retention = { ...retention, maxAgeMs: 30 * DAY };
    const again = open();
    await again.load();
    expect(again.list({}, 10).entries.map((e) => e.keyId)).toEqual(['token-new']);
    expect(await readFile(path.join(dir, ACTIVITY_FILE), 'utf8')).not.toContain('token-old');
  });

  it('trims the oldest entries when the file grows past the size limit', async () => {
    retention = { ...retention, maxBytes: 4_000 };
    const log = open();
    await log.load();
    for (let i = 0; i < 60; i++) await log.append([entry({ keyId: `token-${i}` })]);
    const size = (await stat(path.join(dir, ACTIVITY_FILE))).size;
    expect(size).toBeLessThanOrEqual(4_000);
    const kept = log.list({}, 100).entries;
    expect(kept[0]?.keyId).toBe('token-59');
    expect(kept.length).toBeLessThan(60);
    expect(kept.at(-1)?.keyId).not.toBe('token-0');
  });
});
