import { describe, expect, it } from 'vitest';
import { resolveKeyRef } from '../../../../electron/core/keys/key-handle';
import { readKeysFile } from '../../../../electron/core/keys/key-cache-file';
import { setup } from './setup';

const DAY = 86_400_000;

async function createKey(t: Awaited<ReturnType<typeof setup>>, description: string) {
  const { key } = await t.keys.create({
    serverId: 's1',
    description,
    labels: [],
    expiry: { kind: 'duration', ms: 10 * DAY },
    clusterId: null,
    family: 'v3',
  });
  return key;
}

describe('key service: default key for tools and handles', () => {
  it('marks one default per server and moves the mark when another key is chosen', async () => {
    const t = await setup();
    const a = await createKey(t, 'a');
    const b = await createKey(t, 'b');
    expect(
      (await t.keys.setDefault({ serverId: 's1', keyId: a.id, isDefault: true })).isDefault,
    ).toBe(true);
    await t.keys.setDefault({ serverId: 's1', keyId: b.id, isDefault: true });
    const byId = new Map(t.keys.list({ serverId: 's1' }).keys.map((k) => [k.id, k.isDefault]));
    expect(byId.get(a.id)).toBe(false);
    expect(byId.get(b.id)).toBe(true);
    await t.keys.setDefault({ serverId: 's1', keyId: b.id, isDefault: false });
    expect(t.keys.list({ serverId: 's1' }).keys.some((k) => k.isDefault)).toBe(false);
  });

  it('refuses a key whose secret it does not hold as the default', async () => {
    const t = await setup();
    t.rancher.seed({ name: 'token-aaa11' });
    await t.keys.refresh('s1');
    await expect(
      t.keys.setDefault({ serverId: 's1', keyId: 'token-aaa11', isDefault: true }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('moves the handle and the default mark to the renewed key, persisted with it', async () => {
    const t = await setup();
    const old = await createKey(t, 'ci');
    await t.keys.setDefault({ serverId: 's1', keyId: old.id, isDefault: true });
    const first = await t.keys.renew({
      serverId: 's1',
      keyId: old.id,
      revokeOldAfterMs: 3_600_000,
    });
    expect(first.key).toMatchObject({ handle: old.id, isDefault: true });
    const second = await t.keys.renew({ serverId: 's1', keyId: first.key.id, revokeOldAfterMs: 0 });
    expect(second.key).toMatchObject({ handle: old.id, isDefault: true });

    const { doc } = await readKeysFile(t.metadata, 's1');
    // The old key, still in its grace period, no longer answers to its own name: the renewal does.
    expect(resolveKeyRef(doc.keys, old.id)?.keyId).toBe(second.key.id);
    expect(doc.keys[old.id]).toMatchObject({ handle: null, toolsDefault: false });
    expect(Object.values(doc.keys).filter((r) => r.toolsDefault)).toHaveLength(1);
  });
});
