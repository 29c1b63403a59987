import { lstat, stat } from 'node:fs/promises';
import type { KnownPlace } from './plaintext-places';
import { readPlace, type PlaceRead } from './plaintext-scan';

/**
 * Remembers what each file read as, so "where is this key used?" (asked for every key the user
 * opens) does not re-read and re-parse a 10,000-user kubeconfig that did not change. A file is
 * taken as unchanged while its identity is: the link and the file it ends at (device, inode),
 * size, and modification and change times in nanoseconds. Kept in this process's memory only,
 * like the scans themselves; the secrets' keyed hashes are made afresh from the scan's hasher.
 */

/** How the cache reaches the file system; tests count reads through it. */
export interface ScanCachePorts {
  /** The file's identity as above, or null when it cannot be looked at (then it is not cached). */
  identity: (file: string) => Promise<string | null>;
  read: (place: KnownPlace) => Promise<PlaceRead>;
}

export interface ScanCacheLimits {
  /** Files remembered at most (the least recently used go first). */
  maxFiles: number;
  /** Tokens remembered at most across files; a file with more is never kept. */
  maxTokens: number;
}

interface Entry {
  path: string;
  identity: string;
  read: PlaceRead;
  tokens: number;
}

const defaultLimits: ScanCacheLimits = { maxFiles: 32, maxTokens: 50_000 };

/** The identity of a file and of the link that may lead to it, from `lstat` and `stat`. */
async function fileIdentity(file: string): Promise<string | null> {
  try {
    const link = await lstat(file, { bigint: true });
    const target = link.isSymbolicLink() ? await stat(file, { bigint: true }) : link;
    return [
      link.dev,
      link.ino,
      target.dev,
      target.ino,
      target.size,
      target.mtimeNs,
      target.ctimeNs,
    ].join(':');
  } catch {
    return null;
  }
}

/** The real file system. */
export const realScanCachePorts: ScanCachePorts = { identity: fileIdentity, read: readPlace };

/** A per-process cache of files as read by the Plaintext check. */
export function createScanCache(
  ports: ScanCachePorts = realScanCachePorts,
  limits: ScanCacheLimits = defaultLimits,
) {
  /** By kind and path (a user-added file is parsed by its content); in order of last use. */
  const entries = new Map<string, Entry>();
  let tokens = 0;

  function drop(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    tokens -= entry.tokens;
  }

  return {
    /** What `place` reads as: remembered when the file's identity did not change, else read. */
    read: async (place: KnownPlace): Promise<PlaceRead> => {
      const id = `${place.kind ?? 'added'}\u0000${place.path}`;
      // Taken before the read: a change during the read leaves a stale identity, read again next.
      const identity = await ports.identity(place.path);
      const known = entries.get(id);
      if (identity !== null && known?.identity === identity) {
        entries.delete(id);
        entries.set(id, known);
        return known.read;
      }
      drop(id);
      const read = await ports.read(place);
      const count = read.status === 'ok' ? read.tokens.found.length : 0;
      if (identity === null || read.status === 'unread' || count > limits.maxTokens) return read;
      entries.set(id, { path: place.path, identity, read, tokens: count });
      tokens += count;
      for (const oldest of entries.keys()) {
        if (entries.size <= limits.maxFiles && tokens <= limits.maxTokens) break;
        drop(oldest);
      }
      return read;
    },

    /** Forgets a file (after the app wrote it itself), so the next scan reads it again. */
    forget(file: string): void {
      for (const [id, entry] of entries) if (entry.path === file) drop(id);
    },

    /** How many files are remembered. */
    get size(): number {
      return entries.size;
    },
  };
}
export type ScanCache = ReturnType<typeof createScanCache>;
