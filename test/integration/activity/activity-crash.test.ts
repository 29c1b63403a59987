import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_FILE, parseActivityLines } from '../../../electron/core/activity/activity-log';
import { openLog } from './open-log';

const child = path.join(import.meta.dirname, 'append-child.ts');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Runs the appender until it has acknowledged `acks` entries, then kills it with SIGKILL. */
function appendThenKill(dir: string, acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    let buffer = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= acks && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the appender ended without SIGKILL (${signal})`));
      else resolve(acked);
    });
  });
}

describe('activity log under SIGKILL', () => {
  it('keeps every acknowledged entry and reads the file after a kill at any instant', async () => {
    for (const acks of [50, 137, 300]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'activity-kill-'));
      dirs.push(dir);
      const acked = await appendThenKill(dir, acks);
      expect(acked.length).toBeGreaterThanOrEqual(acks);
      const text = await readFile(path.join(dir, ACTIVITY_FILE), 'utf8');
      const { entries, damaged } = parseActivityLines(text);
      // At most the line being written when the kill landed is torn.
      expect(damaged).toBeLessThanOrEqual(1);
      const onDisk = new Set(entries.map((e) => e.keyId));
      for (const keyId of acked) expect(onDisk.has(keyId)).toBe(true);
      // A restart reads it, cuts any torn tail, and appends cleanly after it.
      const log = openLog(dir);
      await log.load();
      await log.append([
        {
          serverId: 'srv-1',
          serverName: 'prod',
          keyId: 'token-after',
          action: 'copy',
          outcome: 'ok',
          errorCode: null,
          detail: null,
        },
      ]);
      await log.close();
      const after = parseActivityLines(await readFile(path.join(dir, ACTIVITY_FILE), 'utf8'));
      expect(after.damaged).toBe(0);
      expect(after.entries.at(-1)?.keyId).toBe('token-after');
      expect(after.entries.length).toBe(entries.length + 1);
    }
  });
});
