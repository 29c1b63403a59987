import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const child = path.join(import.meta.dirname, 'bridge-child.ts');

async function invoke(origin: string, token: string, channel: string) {
  const response = await fetch(`${origin}/__bridge/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bridge-token': token },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean; value: { logged: number } };
}

describe('the test bridge process', () => {
  it('logs an unhandled rejection and keeps answering', async () => {
    const proc = spawn('npx', ['tsx', child, '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let exited: number | null = null;
    proc.on('exit', (code) => (exited = code ?? -1));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: proc.stdout }).once('line', resolve);
        proc.once('exit', () => reject(new Error('the bridge exited before it started')));
      });
      const { origin, token } = JSON.parse(line) as { origin: string; token: string };
      await invoke(origin, token, 'app:info');
      // Give Node the turn on which it would end the process for the rejection.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(exited).toBeNull();
      const after = await invoke(origin, token, 'settings:get');
      expect(after.ok).toBe(true);
      expect(after.value.logged).toBe(1);
    } finally {
      proc.kill('SIGTERM');
    }
  });
});
