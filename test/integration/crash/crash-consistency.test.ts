import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashStep } from '../../../electron/core/keys/key-context';
import { startRig, type Rig } from '../keys/harness';
import { createTestCore } from '../../bridge/compose';

const steps: CrashStep[] = [
  'journal-intent',
  'server-created',
  'name-recorded',
  'secret-stored',
  'metadata-written',
];
const child = path.join(import.meta.dirname, 'core-child.ts');

function runChild(
  job: object,
): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', child, JSON.stringify(job)], { timeout: 25_000 }, (error, stdout) => {
      const e = error as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e?.code ?? 0, signal: e?.signal ?? null, stdout });
    });
  });
}

let rig: Rig;

/** tsx relays the child's SIGKILL as exit status 137 (128 + 9); a finished run prints a result. */
function expectKilled(out: { code: number | null; signal: string | null; stdout: string }) {
  expect(out.signal === 'SIGKILL' || out.code === 137).toBe(true);
  expect(out.stdout).toBe('');
}

beforeAll(async () => {
  rig = await startRig({ version: '2.13', core: { keep: true } });
  await rig.t.ready();
});

afterAll(async () => {
  // Keychain items and the data dir were kept for the restarts; remove them now.
  for (const account of await rig.t.secrets.accounts()) await rig.t.secrets.delete(account);
  await rig.close();
});

/** Restarts the core on the same data dir and keychain, and checks the invariant. */
async function restartAndCheck(description: string) {
  const again = createTestCore({
    dataDir: rig.t.dataDir,
    keychainService: rig.t.keychainService,
    keep: true,
  });
  await again.ready();
  await again.core.stop();
  for (const token of rig.sim.state.tokens.values()) {
    if (token.description !== description) continue;
    // On the server ⇒ its secret is in the keychain (else recovery would have revoked it).
    expect(await again.secrets.get(`${rig.sim.origin}/${token.name}`)).toMatch(/^token-/);
  }
  for (const file of await readdir(rig.t.dataDir)) {
    expect(file).not.toMatch(/corrupt/);
    if (file.endsWith('.json')) JSON.parse(await readFile(path.join(rig.t.dataDir, file), 'utf8'));
  }
  const journal = JSON.parse(
    await readFile(path.join(rig.t.dataDir, 'key-journal.json'), 'utf8'),
  ) as {
    entries: unknown[];
  };
  expect(journal.entries).toEqual([]);
}

describe('crash consistency of create and renew', () => {
  it.each(steps)('create killed at %s leaves every new key stored or revoked', async (step) => {
    await rig.t.core.stop();
    const description = `crash-create-${step}`;
    const out = await runChild({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      crashAt: step,
      calls: [
        {
          channel: 'keys:create',
          input: { serverId: rig.serverId, description, expiry: { kind: 'max' } },
        },
      ],
    });
    expectKilled(out);
    await restartAndCheck(description);
  });

  it.each(steps)('renew killed at %s leaves every key stored or revoked', async (step) => {
    const description = `crash-renew-${step}`;
    const seeded = createTestCore({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      keep: true,
    });
    const created = await seeded.dispatch('keys:create', {
      serverId: rig.serverId,
      description,
      expiry: { kind: 'duration', ms: 86_400_000 },
    });
    await seeded.core.stop();
    if (!created.ok) throw new Error(created.error.message);
    const out = await runChild({
      dataDir: rig.t.dataDir,
      keychainService: rig.t.keychainService,
      crashAt: step,
      calls: [
        {
          channel: 'keys:renew',
          input: {
            serverId: rig.serverId,
            keyId: (created.value as { key: { id: string } }).key.id,
          },
        },
      ],
    });
    expectKilled(out);
    await restartAndCheck(description);
  });
});
