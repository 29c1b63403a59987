import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../keys/harness';
import { startHostileFront, type Rewrite } from './hostile-front';

// Issue 9, classes 8 and 12: server strings are bounded before they are stored, and data-model
// details seen on real Rancher data are read the way Rancher means them.

/** A rig whose server sits behind a hostile front running `rewrite`. */
function rigVia(version: '2.8' | '2.13', rewrite: Rewrite) {
  return startRig({ version, via: (sim) => startHostileFront({ target: sim.origin, rewrite }) });
}

/** Replaces the JSON body of the matching GET with `change(body)`. */
function onGet(pathname: string, change: (body: Record<string, unknown>) => unknown): Rewrite {
  return (req, res) => {
    if (req.method !== 'GET' || req.path !== pathname || res.status !== 200) return;
    res.body = JSON.stringify(change(JSON.parse(res.body) as Record<string, unknown>));
  };
}

describe('server data', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('never stores or lists a 10 MB version', async () => {
    const huge = `v2.13.1-${'x'.repeat(10 * 1024 * 1024)}`;
    rig = await startRig({ version: '2.13' });
    const front = await startHostileFront({
      target: rig.sim.origin,
      rewrite: onGet('/rancherversion', (body) => ({ ...body, Version: huge })),
    });
    try {
      await rig.t.dispatch('servers:add', { url: front.url, name: 'huge' });
      const listed = await rig.call('servers:list', {});
      expect(JSON.stringify(listed).length).toBeLessThan(100_000);
      const stored = await readFile(path.join(rig.t.dataDir, 'servers.json'), 'utf8').catch(
        () => '',
      );
      expect(stored.length).toBeLessThan(100_000);
    } finally {
      await front.close();
    }
  });

  it('cuts a 100,000-character description and cluster name to a bounded size', async () => {
    const long = 'd'.repeat(100_000);
    rig = await rigVia('2.13', (req, res) => {
      void onGet('/v3/tokens', (body) => ({
        ...body,
        data: (body.data as Record<string, unknown>[]).map((t) => ({ ...t, description: long })),
      }))(req, res);
      void onGet('/v3/clusters', (body) => ({
        ...body,
        data: (body.data as Record<string, unknown>[]).map((c) => ({ ...c, name: long })),
      }))(req, res);
    });
    await rig.call('keys:refresh', { serverId: rig.serverId });
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.description.length).toBeLessThanOrEqual(1024);
    const clusters = await rig.call('servers:clusters', { serverId: rig.serverId });
    expect(clusters.clusters.length).toBeGreaterThan(0);
    for (const c of clusters.clusters) expect(c.name.length).toBeLessThanOrEqual(1024);
  });

  it('computes the expiry of a v3 token with expiresAt "" and a ttl from its creation', async () => {
    rig = await rigVia(
      '2.13',
      onGet('/v3/tokens', (body) => ({
        ...body,
        data: (body.data as Record<string, unknown>[]).map((t) => ({ ...t, expiresAt: '' })),
      })),
    );
    const token = rig.sim.state.addToken({
      user: rig.sim.admin.id,
      description: 'provider session',
      ttlMs: 3_600_000,
      createdMs: Date.UTC(2030, 0, 1, 12, 0, 0),
    });
    await rig.call('keys:refresh', { serverId: rig.serverId });
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    expect(keys.find((k) => k.name === token.name)?.expiresAt).toBe('2030-01-01T13:00:00Z');
  });

  it('signs in as the user marked me: true, not the first listed', async () => {
    rig = await rigVia(
      '2.13',
      onGet('/v3/users', (body) => ({
        ...body,
        data: [
          { id: 'u-decoy', username: 'decoy', me: false },
          ...(body.data as Record<string, unknown>[]),
        ],
      })),
    );
    const { servers } = await rig.call('servers:list', {});
    expect(servers[0]?.signIn.user?.id).toBe(rig.sim.admin.id);
  });

  for (const version of ['dev', '4a3f2b1c9d8e7f60a1b2c3d4e5f60718293a4b5c']) {
    it(`probes for ext tokens when the version is ${version.length > 3 ? 'a commit hash' : version}`, async () => {
      // A 2.8 server has no ext API: an unknown version must not be taken for the newest release.
      rig = await rigVia(
        '2.8',
        onGet('/rancherversion', (body) => ({ ...body, Version: version })),
      );
      const { servers } = await rig.call('servers:list', {});
      expect(servers[0]?.version).toBe(version);
      expect(servers[0]?.tokenApis.ext).toBe(false);
    });
  }
});
