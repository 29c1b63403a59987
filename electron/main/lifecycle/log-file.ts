import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The log file's name in the OS's log directory (`app.getPath('logs')`). */
export const logFileName = 'main.log';

/** A log file that rotates by size: `main.log`, then `main.1.log` … `main.<keep>.log`. */
export interface LogFile {
  /** Starts writing to `dir`; lines written before are kept (up to a bound) and written first. */
  open(dir: string): void;
  /** Appends one (already redacted) line; never throws. */
  write(line: string): void;
  /** The current file, or null before `open`. */
  path(): string | null;
}

/**
 * The main process's log on disk: lines come from the core's logger, which redacts secrets, so
 * the file holds none. Appends are synchronous so that the line before a crash is on disk, and the
 * file is created 0600. Rotation keeps at most `(keep + 1) * maxBytes` bytes.
 */
export function createLogFile(options: { maxBytes?: number; keep?: number } = {}): LogFile {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const early: string[] = [];
  let file: string | null = null;
  let size = 0;
  let broken = false;

  function rotate(current: string): void {
    const dir = path.dirname(current);
    const base = path.basename(current, '.log');
    rmSync(path.join(dir, `${base}.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(path.join(dir, `${base}.${i}.log`), path.join(dir, `${base}.${i + 1}.log`));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(current, path.join(dir, `${base}.1.log`));
    size = 0;
  }

  function append(line: string): void {
    if (!file || broken) return;
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate(file);
      appendFileSync(file, text, { mode: 0o600 });
      size += bytes;
    } catch {
      // A full disk or a removed directory must not take the app down; stderr still has the line.
      broken = true;
    }
  }

  return {
    open(dir) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        file = path.join(dir, logFileName);
        try {
          size = statSync(file).size;
        } catch {
          size = 0;
        }
      } catch {
        broken = true;
      }
      for (const line of early.splice(0)) append(line);
    },
    write(line) {
      if (file) append(line);
      else if (early.length < 200) early.push(line);
    },
    path: () => file,
  };
}
