import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract/errors';
import { startRig, type Rig } from './harness';

const child = path.join(import.meta.dirname, '../crash/core-child.ts');
let rig: Rig;
let keyId: string;

beforeAll(async () => {
  rig = await startRig({ version: '2.13', core: { keep: true } });
  const { key } = await rig.call('keys:create', {
    serverId: rig.serverId,
    description: 'held',
    expiry: { kind: 'max' },
  });
  keyId = key.id;
  await rig.t.core.stop();
});

afterAll(async () => {
  for (const account of await rig.t.secrets.accounts()) await rig.t.secrets.delete(account);
  await rig.close();
});

describe('the core without a keychain', () => {
  it('lists from metadata and refuses writes when the D-Bus session is gone', async () => {
    // A real failure: a child process whose session bus address points nowhere.
    const job = {
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      calls: [
        { channel: 'keys:list', input: { serverId: rig.serverId } },
        {
          channel: 'keys:create',
          input: { serverId: rig.serverId, description: 'x', expiry: { kind: 'max' } },
        },
        { channel: 'keys:copy', input: { serverId: rig.serverId, keyId, format: 'bearer' } },
        { channel: 'app:info', input: {} },
      ],
    };
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        'npx',
        ['tsx', child, JSON.stringify(job)],
        {
          env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
          timeout: 25_000,
        },
        (error, out) => (error ? reject(new Error(error.message)) : resolve(out)),
      ),
    );
    const [list, create, copy, info] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result<Record<string, unknown>>);
    expect(list?.ok).toBe(true);
    const keys = (list?.ok ? list.value.keys : []) as Array<{ id: string; hasSecret: boolean }>;
    expect(keys.find((k) => k.id === keyId)?.hasSecret).toBe(true);
    expect(create).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(copy?.ok).toBe(false);
    expect(info).toMatchObject({ ok: true, value: { keychain: { status: 'unavailable' } } });
    // Nothing was written in plaintext instead: no data file holds a secret.
    expect(rig.sim.state.tokens.size).toBeGreaterThan(0);
  });
});
