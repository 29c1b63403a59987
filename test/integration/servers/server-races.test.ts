import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { systemClock } from '../../../electron/core/ports';
import { createServerService } from '../../../electron/core/servers/create-server-service';
import { createKeytarSecretStore } from '../../../electron/core/vault/keytar-secret-store';
import { createMetadataStore } from '../../../electron/core/vault/metadata-store';
import { startRancherSim, type RancherSim } from '../../rancher-sim';

const service = `rancher-keys-test-${randomBytes(4).toString('hex')}`;
const secrets = createKeytarSecretStore({ service });

afterAll(async () => {
  for (const account of await secrets.accounts()) await secrets.delete(account);
});

describe('server registry under concurrency (real keyring, simulator)', () => {
  let dir: string;
  let sim: RancherSim;
  const build = () =>
    createServerService({
      metadata: createMetadataStore({ dir, log: createMemoryLogger() }),
      secrets,
      clock: systemClock,
      log: createMemoryLogger(),
      appVersion: 'test',
      nearExpiryCount: () => 0,
    });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-races-'));
    sim = await startRancherSim({ version: '2.13' });
  });
  afterEach(async () => {
    await sim.close();
    for (const account of await secrets.accounts()) await secrets.delete(account);
  });

  it('keeps one server when the same server is added twice in parallel', async () => {
    const servers = build();
    await servers.load();
    const results = await Promise.allSettled([
      servers.add({ url: sim.url }),
      servers.add({ url: sim.url }),
      servers.add({ url: sim.url.toUpperCase().replace('HTTP', 'http') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    }
    expect(servers.list()).toHaveLength(1);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'servers.json'), 'utf8')) as {
      servers: unknown[];
    };
    expect(onDisk.servers).toHaveLength(1);
  });

  it("keeps the other server's secrets when one of two servers with one origin is removed", async () => {
    const servers = build();
    await servers.load();
    const first = await servers.add({ url: sim.url });
    await servers.signIn({ serverId: first.id, method: 'api_key', token: sim.admin.token });
    await secrets.set(`${first.origin}/token-kept1`, `token-kept1:${'k'.repeat(54)}`);
    // A registry written before adds were serialised: the same origin twice.
    const file = path.join(dir, 'servers.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as {
      servers: Array<{ id: string }>;
    };
    doc.servers.push({ ...doc.servers[0]!, id: 'srv-duplicate' });
    await writeFile(file, JSON.stringify(doc));
    const again = build();
    await again.load();
    await again.remove('srv-duplicate');
    expect(await secrets.get(`${first.origin}/token-kept1`)).toMatch(/^token-kept1:/);
    expect(await secrets.get(`sign-in:${first.origin}`)).toBe(sim.admin.token);
    expect(again.get(first.id).signedIn).toBe(true);
  });

  it('removes exactly the sign-in and key items of a server when it is removed', async () => {
    const servers = build();
    await servers.load();
    const first = await servers.add({ url: sim.url });
    await servers.signIn({ serverId: first.id, method: 'api_key', token: sim.admin.token });
    await secrets.set(`${first.origin}/token-gone1`, `token-gone1:${'g'.repeat(54)}`);
    await secrets.set('https://other.example.com/token-kept2', `token-kept2:${'k'.repeat(54)}`);
    await servers.remove(first.id);
    expect((await secrets.accounts()).sort()).toEqual(['https://other.example.com/token-kept2']);
  });
});
