import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../bridge/compose';
import { startRig, type Rig } from './harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig({ version: '2.13', core: { keep: true } });
});

afterAll(async () => {
  for (const account of await rig.t.secrets.accounts()) await rig.t.secrets.delete(account);
  await rig.close();
});

type Listed = { value: { keys: Array<{ id: string; hasSecret: boolean }> } };

/** Restarts the core on the same data and keychain, refreshes, and returns the listed keys. */
async function restartAndList() {
  const again = createTestCore({
    dataDir: rig.t.dataDir,
    keychainService: rig.t.keychainService,
    keep: true,
  });
  await again.ready();
  await again.dispatch('keys:refresh', { serverId: rig.serverId });
  const listed = (await again.dispatch('keys:list', { serverId: rig.serverId })) as Listed;
  await again.core.stop();
  return new Map(listed.value.keys.map((k) => [k.id, k]));
}

describe('reconciling key records with the keychain (real keyring, simulator)', () => {
  it('claims a secret again when the damaged key file that knew it was set aside', async () => {
    const { key } = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'stranded',
      expiry: { kind: 'duration', ms: 86_400_000 },
    });
    await rig.t.core.stop();
    for (const file of await readdir(rig.t.dataDir)) {
      if (file.startsWith('keys-')) await writeFile(path.join(rig.t.dataDir, file), '{ damaged');
    }
    const keys = await restartAndList();
    expect(keys.get(key.id)?.hasSecret).toBe(true);
  });

  it('stops claiming a secret the keychain no longer has', async () => {
    const { key } = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'vanished',
      expiry: { kind: 'duration', ms: 86_400_000 },
    });
    await rig.t.core.stop();
    await rig.t.secrets.delete(`${rig.sim.origin}/${key.id}`);
    const keys = await restartAndList();
    expect(keys.get(key.id)?.hasSecret).toBe(false);
  });
});
