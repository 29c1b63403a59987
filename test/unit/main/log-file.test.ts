import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log';
import { createLogFile, logFileName } from '../../../electron/main/lifecycle/log-file';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-log-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('log file', () => {
  it('writes lines logged before it was opened, then the rest, 0600', () => {
    const file = createLogFile();
    file.write('early');
    const dir = tempDir();
    file.open(dir);
    file.write('later');
    const written = path.join(dir, logFileName);
    expect(file.path()).toBe(written);
    expect(readFileSync(written, 'utf8')).toBe('early\nlater\n');
    if (process.platform !== 'win32') expect(statSync(written).mode & 0o777).toBe(0o600);
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const file = createLogFile({ maxBytes: 100, keep: 2 });
    const dir = tempDir();
    file.open(dir);
    for (let i = 0; i < 40; i++) file.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of readdirSync(dir)) {
      expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(100);
    }
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 039');
  });

  it('holds no secret that went through the logger', () => {
    const file = createLogFile();
    const dir = tempDir();
    file.open(dir);
    const log = createLogger((line) => file.write(line));
    log.error('request failed', { header: 'Authorization: Bearer token-abc:' + 'x'.repeat(54) });
    const text = readFileSync(path.join(dir, logFileName), 'utf8');
    expect(text).toContain('request failed');
    expect(text).not.toContain('x'.repeat(54));
  });

  it('keeps going when the directory cannot be created', () => {
    const file = createLogFile();
    const dir = tempDir();
    file.open(path.join(dir, '\0bad'));
    expect(() => file.write('still fine')).not.toThrow();
  });
});
