import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness';

/**
 * A refresh reads the list as it streams in, each token compared with the one its record already
 * holds (bench/RESULTS.md, Scale). These check the outcome against the real client and simulator:
 * a list that breaks off changes nothing, and a complete one brings every add, removal and change.
 */
describe('a refresh read as the list streams in', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  // The sign-in key is left out: every request uses it, and its last use moves outside any list
  // (on the previous release too).
  const listed = async (r: Rig) =>
    (await r.call('keys:list', { serverId: r.serverId })).keys
      .filter((k) => !k.isSignInCredential)
      .map((k) => ({
        id: k.id,
        description: k.description,
        lastUsedAt: k.lastUsedAt,
        state: k.state,
      }));

  it('keeps the list as it was when the list breaks off mid-body, then brings every change', async () => {
    rig = await startRig({ version: '2.13' });
    const { sim } = rig;
    const names = Array.from({ length: 40 }, (_, i) =>
      sim.state.addToken({
        user: sim.admin.id,
        description: `key ${i}`,
        ttlMs: (i + 1) * 86_400_000,
      }),
    ).map((issued) => issued.name);
    await rig.call('keys:refresh', { serverId: rig.serverId });
    const before = await listed(rig);
    expect(before.map((k) => k.id)).toEqual(expect.arrayContaining(names));

    // On the server: one key used, one gone, one new.
    const used = sim.state.tokens.get(names[3] as string);
    if (!used) throw new Error('token missing');
    used.lastUsedMs = Date.parse('2026-01-02T03:04:05Z');
    sim.state.tokens.delete(names[7] as string);
    const added = sim.state.addToken({ user: sim.admin.id, description: 'new', ttlMs: 86_400_000 });

    // The list is cut off after most of its items have been read and compared.
    const fault = sim.faults.add({
      method: 'GET',
      path: '/v3/tokens',
      action: { kind: 'truncated-json', fraction: 0.9, abort: true },
    });
    const failed = await rig.call('keys:refresh', { serverId: rig.serverId });
    expect(failed.results[0]?.ok).toBe(false);
    expect(await listed(rig)).toEqual(before);

    fault.remove();
    const done = await rig.call('keys:refresh', { serverId: rig.serverId });
    expect(done.results[0]?.ok).toBe(true);
    const after = await listed(rig);
    const byId = new Map(after.map((k) => [k.id, k]));
    expect(byId.get(names[3] as string)?.lastUsedAt).toBe('2026-01-02T03:04:05Z');
    expect(byId.has(names[7] as string)).toBe(false);
    expect(byId.get(added.name)?.description).toBe('new');
    // Every other key is listed as before.
    const unchanged = before.filter((k) => k.id !== names[3] && k.id !== names[7]);
    expect(after.filter((k) => k.id !== names[3] && k.id !== added.name)).toEqual(unchanged);
  });
});
