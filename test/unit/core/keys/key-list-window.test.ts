import { describe, expect, it } from 'vitest';
import { keysListInputSchema } from '../../../../electron/contract/keys';
import { setup } from './setup';

const DAY = 86_400_000;

/** A server holding `count` API keys with distinct expiries (list order: soonest first). */
async function withKeys(count: number) {
  const t = await setup();
  for (let i = 0; i < count; i++) {
    t.rancher.seed({
      name: `token-${i.toString().padStart(5, '0')}`,
      ttlMs: (count - i) * DAY,
    });
  }
  await t.keys.refresh('s1');
  return t;
}

describe('keys:list windows', () => {
  it('gives windows that put together are the whole list, each with the total', async () => {
    const t = await withKeys(25);
    const whole = t.keys.list({ serverId: 's1' });
    expect(whole.total).toBe(25);
    expect(whole.keys).toHaveLength(25);
    const first = t.keys.list({ serverId: 's1', limit: 10 });
    const middle = t.keys.list({ serverId: 's1', offset: 10, limit: 10 });
    const rest = t.keys.list({ serverId: 's1', offset: 20 });
    expect([first, middle, rest].map((w) => [w.keys.length, w.total])).toEqual([
      [10, 25],
      [10, 25],
      [5, 25],
    ]);
    expect([...first.keys, ...middle.keys, ...rest.keys].map((k) => k.id)).toEqual(
      whole.keys.map((k) => k.id),
    );
    // Soonest expiry first: the first window is the top of the table.
    expect(first.keys[0]?.id).toBe('token-00024');
    expect(t.keys.list({ serverId: 's1', offset: 40 }).keys).toEqual([]);
  });

  it('keeps the revision while the list is unchanged and changes it when the list changes', async () => {
    const t = await withKeys(5);
    const a = t.keys.list({ serverId: 's1', limit: 2 });
    const b = t.keys.list({ serverId: 's1', offset: 2 });
    expect(b.revision).toBe(a.revision);
    await t.keys.setLabels({ serverId: 's1', keyId: 'token-00001', labels: ['prod'] });
    const c = t.keys.list({ serverId: 's1', offset: 2 });
    expect(c.revision).not.toBe(a.revision);
    // Whole lists with and without system tokens are different lists.
    expect(t.keys.list({ serverId: 's1', includeSystem: true }).revision).not.toBe(c.revision);
  });

  it('shows what a refresh changed and keeps the rest of the list as it was', async () => {
    const t = await withKeys(6);
    const before = t.keys.list({ serverId: 's1' });
    // Used since the last refresh (as the sign-in key is by every list).
    const entry = t.rancher.tokens.get('v3:token-00003');
    if (!entry) throw new Error('seeded token missing');
    entry.token = { ...entry.token, lastUsedAt: '2025-06-01T12:00:00.000Z' };
    await t.keys.refresh('s1');
    const after = t.keys.list({ serverId: 's1' });
    expect(after.revision).not.toBe(before.revision);
    expect(after.keys.map((k) => k.id)).toEqual(before.keys.map((k) => k.id));
    after.keys.forEach((key, i) => {
      if (key.id === 'token-00003') expect(key.lastUsedAt).toBe('2025-06-01T12:00:00.000Z');
      else expect(key).toBe(before.keys[i]);
    });
    // Nothing changed since: the same list, the same revision.
    await t.keys.refresh('s1');
    const again = t.keys.list({ serverId: 's1' });
    expect(again.revision).toBe(after.revision);
    again.keys.forEach((key, i) => expect(key).toBe(after.keys[i]));
  });

  it('does not let a caller change the list through a window it was given', async () => {
    const t = await withKeys(3);
    const window = t.keys.list({ serverId: 's1', limit: 2 });
    window.keys.length = 0;
    expect(t.keys.list({ serverId: 's1' }).keys).toHaveLength(3);
  });

  it('refuses windows that are not whole, non-negative row counts', () => {
    for (const bad of [
      { offset: -1 },
      { limit: 0 },
      { limit: 1.5 },
      { offset: Number.NaN },
      { limit: Infinity },
      { offset: 2_000_000 },
      { limit: '10' },
    ]) {
      expect(keysListInputSchema.safeParse({ serverId: 's1', ...bad }).success).toBe(false);
    }
    expect(keysListInputSchema.safeParse({ serverId: 's1', offset: 0, limit: 1 }).success).toBe(
      true,
    );
  });
});
