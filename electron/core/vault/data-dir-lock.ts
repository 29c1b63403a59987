import { randomUUID } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isProcessRunning } from './process-alive';

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'writer.lock';

const lockSchema = z.object({ pid: z.number().int().positive(), token: z.string() });

/** What taking the lock found. */
export type LockResult = { held: true } | { held: false; pid: number };

/** One writer per data directory (issue 10 §11): an advisory lock file with the writer's PID. */
export interface DataDirLock {
  /** Takes the lock; a lock left by a process that is gone (or unreadable) is stale and replaced. */
  acquire(): Promise<LockResult>;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

// Locks this process holds, by token: a second core in the same process (same PID) is a second
// writer too, while a lock with our PID and an unknown token was left by an earlier run whose PID
// the system has reused for us.
const heldHere = new Set<string>();

export function createDataDirLock(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const token = randomUUID();

  async function holder(): Promise<{ pid: number; token: string } | null> {
    try {
      const parsed = lockSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function tryCreate(): Promise<boolean> {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, token }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  return {
    async acquire() {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await tryCreate()) {
          heldHere.add(token);
          return { held: true };
        }
        const current = await holder();
        if (current?.token === token) return { held: true };
        const live =
          current !== null &&
          (current.pid === process.pid
            ? heldHere.has(current.token)
            : isProcessRunning(current.pid));
        if (live) return { held: false, pid: current.pid };
        // Stale (its writer is gone, or the file is damaged): remove it, unless another process
        // replaced it meanwhile, and try again.
        if ((await holder())?.token !== current?.token) continue;
        await rm(file, { force: true });
      }
      const current = await holder();
      return { held: false, pid: current?.pid ?? 0 };
    },
    async release() {
      heldHere.delete(token);
      if ((await holder())?.token === token) await rm(file, { force: true });
    },
  };
}
