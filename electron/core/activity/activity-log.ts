import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  activityEntrySchema,
  type ActivityEntry,
  type ActivityFilter,
} from '../../contract/activity';
import { renameDurably, syncDirectory } from '../durable-rename';
import type { Logger } from '../log';
import { oneOffParse } from '../one-off-parse';

/** What a caller records; the log adds the sequence number and the time. */
export type ActivityInput = Omit<ActivityEntry, 'seq' | 'at'>;

/** Retention limits, read from the settings at each check. */
export interface ActivityRetention {
  maxBytes: number;
  maxAgeMs: number;
}

export interface ActivityLogDeps {
  /** The app's data directory; the log is `activity.jsonl` in it (mode 0600). */
  dir: string;
  now: () => number;
  retention: () => ActivityRetention;
  log: Logger;
}

/**
 * The local, append-only activity log: one JSON line per entry, each append written and fsynced
 * before it resolves, so an acknowledged entry survives a crash at any instant. A line torn by a
 * crash mid-write (the last one) is ignored on read and cut off before the next append. Entries
 * are held in memory for the view; the file is trimmed, oldest first, past the size or age limit.
 */
export interface ActivityLog {
  load(): Promise<void>;
  append(entries: readonly ActivityInput[]): Promise<void>;
  /** Newest first, at most `limit`, and how many match. */
  list(filter: ActivityFilter, limit: number): { entries: ActivityEntry[]; total: number };
  /** Every matching entry, oldest first (export). */
  matching(filter: ActivityFilter): ActivityEntry[];
  close(): Promise<void>;
  onChange(listener: () => void): () => void;
}

export const ACTIVITY_FILE = 'activity.jsonl';
/** After trimming for size the file holds at most this share of the limit, so trims are rare. */
const TRIM_TO = 0.8;
/** Age is checked at most this often (an entry turning old is not urgent). */
const AGE_CHECK_MS = 3_600_000;

/** Whether an entry passes the view's filters (bounds inclusive). */
export function matchesFilter(
  entry: ActivityEntry,
  filter: ActivityFilter,
  bounds: Bounds,
): boolean {
  if (filter.serverId !== undefined && entry.serverId !== filter.serverId) return false;
  if (filter.keyId !== undefined && entry.keyId !== filter.keyId) return false;
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (bounds.from !== null || bounds.to !== null) {
    const at = Date.parse(entry.at);
    if (bounds.from !== null && at < bounds.from) return false;
    if (bounds.to !== null && at > bounds.to) return false;
  }
  return true;
}

interface Bounds {
  from: number | null;
  to: number | null;
}

const boundsOf = (filter: ActivityFilter): Bounds => ({
  from: filter.from ? Date.parse(filter.from) : null,
  to: filter.to ? Date.parse(filter.to) : null,
});

/**
 * Lines parsed on zod's plain path before its compiled parser is used: compiling costs about as much
 * as parsing this many entries plainly, and a log of a few lines (the usual one at start) need not
 * pay for it before the first lists (bench/RESULTS.md, "Start, fifth pass").
 */
const PLAIN_LINES = 64;

/** Parses the file's text: every valid line, skipping a torn last line or any damaged one. */
export function parseActivityLines(text: string): { entries: ActivityEntry[]; damaged: number } {
  const entries: ActivityEntry[] = [];
  let damaged = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damaged++;
      continue;
    }
    // The same checks on either path.
    const parsed = activityEntrySchema.safeParse(value, ++lines <= PLAIN_LINES ? oneOffParse : {});
    if (parsed.success) entries.push(parsed.data);
    else damaged++;
  }
  return { entries, damaged };
}

export function createActivityLog(deps: ActivityLogDeps): ActivityLog {
  const file = path.join(deps.dir, ACTIVITY_FILE);
  let entries: ActivityEntry[] = [];
  let bytes = 0;
  let nextSeq = 0;
  let handle: FileHandle | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let lastAgeCheck = -Infinity;
  const listeners = new Set<() => void>();

  const lineOf = (entry: ActivityEntry) => `${JSON.stringify(entry)}\n`;

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  async function openForAppend(): Promise<FileHandle> {
    if (handle === null) {
      handle = await open(file, 'a', 0o600);
      // The file may have just been created: its name must be durable before the first append is.
      await syncDirectory(path.dirname(file));
    }
    return handle;
  }

  /** Rewrites the file with `kept` atomically (temp file, fsync, rename). */
  async function rewrite(kept: ActivityEntry[]): Promise<void> {
    await handle?.close();
    handle = null;
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    const text = kept.map(lineOf).join('');
    const out = await open(temp, 'w', 0o600);
    try {
      await out.writeFile(text);
      await out.sync();
    } finally {
      await out.close();
    }
    await renameDurably(temp, file);
    entries = kept;
    bytes = Buffer.byteLength(text);
  }

  /** Drops the oldest entries past the age limit, then past the size limit (down to TRIM_TO). */
  async function applyRetention(force: boolean): Promise<void> {
    const { maxBytes, maxAgeMs } = deps.retention();
    const now = deps.now();
    const checkAge = force || now - lastAgeCheck >= AGE_CHECK_MS;
    if (!checkAge && bytes <= maxBytes) return;
    if (checkAge) lastAgeCheck = now;
    let start = 0;
    const oldest = now - maxAgeMs;
    while (start < entries.length && Date.parse(entries[start]!.at) < oldest) start++;
    let size = bytes;
    if (start > 0) {
      for (let i = 0; i < start; i++) size -= Buffer.byteLength(lineOf(entries[i]!));
    }
    if (size > maxBytes) {
      const target = maxBytes * TRIM_TO;
      while (start < entries.length && size > target) {
        size -= Buffer.byteLength(lineOf(entries[start]!));
        start++;
      }
    }
    if (start === 0) return;
    await rewrite(entries.slice(start));
    for (const listener of listeners) listener();
  }

  return {
    load() {
      return serial(async () => {
        await mkdir(deps.dir, { recursive: true });
        let text = '';
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        const parsed = parseActivityLines(text);
        entries = parsed.entries.sort((a, b) => a.seq - b.seq);
        nextSeq = (entries[entries.length - 1]?.seq ?? -1) + 1;
        bytes = Buffer.byteLength(text);
        if (parsed.damaged > 0) {
          deps.log.warn('activity: damaged lines ignored', { count: parsed.damaged });
        }
        // A torn or damaged line must not glue itself to the next append: rewrite without it.
        if (parsed.damaged > 0 || (text !== '' && !text.endsWith('\n'))) await rewrite(entries);
        await applyRetention(true);
      });
    },
    append(inputs) {
      if (inputs.length === 0) return Promise.resolve();
      return serial(async () => {
        const now = new Date(deps.now()).toISOString();
        const added = inputs.map((input) =>
          activityEntrySchema.parse({ ...input, seq: nextSeq++, at: now }),
        );
        const text = added.map(lineOf).join('');
        const out = await openForAppend();
        await out.appendFile(text);
        await out.datasync();
        entries.push(...added);
        bytes += Buffer.byteLength(text);
        await applyRetention(false);
        for (const listener of listeners) listener();
      });
    },
    list(filter, limit) {
      const bounds = boundsOf(filter);
      const out: ActivityEntry[] = [];
      let total = 0;
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]!;
        if (!matchesFilter(entry, filter, bounds)) continue;
        total++;
        if (out.length < limit) out.push(entry);
      }
      return { entries: out, total };
    },
    matching(filter) {
      const bounds = boundsOf(filter);
      return entries.filter((entry) => matchesFilter(entry, filter, bounds));
    },
    close() {
      return serial(async () => {
        await handle?.close();
        handle = null;
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
