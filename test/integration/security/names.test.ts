import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../keys/harness';

// Issue 9, classes 3 and 4: names outside Rancher's grammar are refused where the server's answer
// is parsed (the item left out and logged, the rest of the list shown), no URL is built from one,
// and a key's family comes from the list it was in, never from the text of its name.
const malformed = ['.', '..', 'ext', 'a/b', '%2e%2e', 'Token-UPPER', `token-${'x'.repeat(300)}`];

const deletes = (rig: Rig) =>
  rig.sim.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.split('?')[0]);

describe('token names from the server', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('leaves out list items with malformed names, logs them and shows the rest', async () => {
    rig = await startRig({ version: '2.13' });
    const good = rig.sim.state.addToken({ user: rig.sim.admin.id, description: 'good v3' });
    const goodExt = rig.sim.state.addExtToken({ user: rig.sim.admin.id, description: 'good ext' });
    for (const name of malformed) {
      rig.sim.state.addToken({ user: rig.sim.admin.id, name, description: 'bad v3' });
    }
    rig.sim.state.addExtToken({ user: rig.sim.admin.id, name: '.', description: 'bad ext' });
    rig.sim.state.addExtToken({ user: rig.sim.admin.id, name: '..', description: 'bad ext' });

    await rig.call('keys:refresh', { serverId: rig.serverId });
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    const ids = keys.map((k) => k.id);
    expect(ids).toContain(good.name);
    expect(ids).toContain(`ext/${goodExt.name}`);
    expect(keys.some((k) => k.description.startsWith('bad'))).toBe(false);
    expect(rig.t.log.lines.join('\n')).toMatch(/left out list items with a malformed name/);
  });

  it('never sends a delete built from a malformed name (no DELETE of a collection)', async () => {
    rig = await startRig({ version: '2.13' });
    const good = rig.sim.state.addToken({ user: rig.sim.admin.id, description: 'keep me' });
    const goodExt = rig.sim.state.addExtToken({ user: rig.sim.admin.id, description: 'keep me' });
    for (const name of ['.', '..']) rig.sim.state.addToken({ user: rig.sim.admin.id, name });
    rig.sim.state.addExtToken({ user: rig.sim.admin.id, name: '.' });
    await rig.call('keys:refresh', { serverId: rig.serverId });

    const out = await rig.call('keys:delete', {
      serverId: rig.serverId,
      keyIds: ['.', '..', 'ext/.', 'ext/..', 'ext/', 'a/../..'],
    });
    expect(out.results.some((r) => r.outcome === 'revoked')).toBe(false);
    expect(deletes(rig)).toEqual([]);
    expect(rig.sim.state.tokens.has(good.name)).toBe(true);
    expect(rig.sim.state.extTokens.has(goodExt.name)).toBe(true);
  });

  it('deletes a v3 token named like an ext one as v3, never touching the ext token of that name', async () => {
    rig = await startRig({ version: '2.13' });
    const dev = rig.sim.state.addUser({ username: 'dev', password: 'dev-password-123' });
    const real = rig.sim.state.addExtToken({ user: dev.id, description: "dev's real ext key" });
    rig.sim.state.addToken({ user: rig.sim.admin.id, name: `ext/${real.name}` });
    await rig.call('keys:refresh', { serverId: rig.serverId });

    await rig.call('keys:delete', { serverId: rig.serverId, keyIds: [`ext/${real.name}`] });
    expect(rig.sim.state.extTokens.has(real.name)).toBe(true);
    expect(deletes(rig).filter((p) => p?.startsWith('/apis/'))).toEqual([]);
  });
});
