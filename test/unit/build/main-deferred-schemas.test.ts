import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMainVendors } from '../../../scripts/build.mjs';
import { writeKeysFile } from '../../../electron/core/keys/key-cache-file';
import { idTable } from '../../../electron/core/id-table';
import { recordFor, type KeyRecord } from '../../../electron/core/keys/key-records';
import { createMemoryLogger } from '../../../electron/core/log';
import { storedServerSchema, writeServers } from '../../../electron/core/servers/server-store';
import { createMetadataStore } from '../../../electron/core/vault/metadata-store';
import { mainBundleHarness } from './main-bundle-harness';

/**
 * The schemas of actions a user starts, and zod's account of the keys files, are built on first
 * use (contract/built-on-first-use.ts): main built ~1,100 zod schema instances before the first
 * lists, ~130 of which start or the lists use. In main's real bundle, in a fresh process, start
 * and the lists over a seeded data folder build no zod schema at all (so none of those either);
 * each is built when its channel (or a keys file the exact check refuses) first needs it, and
 * then works.
 */
const { outDir, bundle, run } = mainBundleHarness('rk-main-deferred-');

/** The channels whose input or output is built on first use, as main's contract has them. */
const deferredChannels = [
  'app:showLogFile',
  'auth:signIn',
  'auth:signOut',
  'keys:copy',
  'keys:create',
  'keys:delete',
  'keys:import',
  'keys:refresh',
  'keys:renew',
  'keys:setDefault',
  'keys:setLabels',
  'keys:snooze',
  'keys:update',
  'labels:rename',
  'servers:add',
  'servers:clusters',
  'servers:providers',
  'servers:remove',
  'servers:switch',
  'servers:update',
  'settings:set',
];

/** A data folder with one server (not signed in: start refreshes nothing) and 40 cached keys. */
async function seededDataDir(): Promise<{ dir: string; serverId: string }> {
  const dir = mkdtempSync(path.join(outDir, 'data-'));
  const metadata = createMetadataStore({ dir, log: createMemoryLogger() });
  await metadata.open();
  const serverId = 's-seeded';
  await writeServers(metadata, {
    version: 1,
    activeId: serverId,
    servers: [
      storedServerSchema.parse({
        id: serverId,
        origin: 'https://127.0.0.1:9',
        name: 'seeded',
        caPem: null,
        fingerprint256: null,
        anchorPem: null,
        timeoutMs: 1_000,
        version: 'v2.13.1',
        tokenApis: { v3: true, ext: true },
        maxTtlMs: null,
        maxTtlKnown: false,
        signIn: null,
        addedAt: '2026-01-01T00:00:00.000Z',
      }),
    ],
  });
  const keys = idTable<KeyRecord>();
  for (let i = 0; i < 40; i++) {
    const name = `token-k${String(i).padStart(3, '0')}`;
    keys[name] = recordFor({
      family: 'v3',
      name,
      kind: 'api_key',
      description: `key ${i}`,
      userId: 'user-abc12',
      clusterId: null,
      createdAt: '2026-01-01T00:00:00Z',
      lastUsedAt: null,
      expiresAt: '2027-01-01T00:00:00Z',
      ttlMs: null,
      enabled: true,
      expired: false,
    });
  }
  await writeKeysFile(metadata, serverId, { refreshedAt: '2026-01-02T00:00:00Z', keys });
  await metadata.close();
  return { dir, serverId };
}

describe('main bundle: schemas of actions and of refused keys files are built on first use', () => {
  it('start and the lists build none of them; each is built on its first use', async () => {
    const { dir, serverId } = await seededDataDir();
    const file = await bundle(
      'core',
      `export { createCore } from './electron/core/create-core';
       export { createMemorySecretStore } from './electron/core/vault/memory-secret-store';
       export { createMemoryLogger } from './electron/core/log';
       export { systemClock } from './electron/core/ports';
       export { channels } from './electron/contract/ipc';
       export { keysFileSchema } from './electron/core/keys/key-cache-format';
       export { keyRecordSchema } from './electron/core/keys/key-records';
       export { z } from 'zod';`,
    );
    await buildMainVendors(outDir);
    const result = run(`
      // zod calls this for every schema instance it builds.
      let instances = 0;
      globalThis.__zod_globalConfig = { postProcessor: () => instances++ };
      const m = require(${JSON.stringify(file)});
      const atLoad = instances;
      // zod's z.lazy keeps the schema it wraps on its definition once built (the first uses
      // below check that this sees a build).
      const built = (s) => s._zod.def._cachedInner !== undefined;
      const lazyOf = (s) => (s instanceof m.z.ZodLazy ? [s] : []);
      const deferred = Object.entries(m.channels)
        .filter(([, c]) => lazyOf(c.input).length + lazyOf(c.output).length > 0)
        .map(([name]) => name).sort();
      const schemas = [
        ...Object.values(m.channels).flatMap((c) => [...lazyOf(c.input), ...lazyOf(c.output)]),
        m.keyRecordSchema,
      ];
      const core = m.createCore({
        appVersion: '0.0.0-test', platform: process.platform, dataDir: ${JSON.stringify(dir)},
        secrets: m.createMemorySecretStore(), clock: m.systemClock, log: m.createMemoryLogger(),
        clipboard: { writeText: async () => {}, readText: async () => '', clear: async () => {} },
      });
      (async () => {
        const out = { deferred, lazy: schemas.length };
        await core.start();
        const servers = await core.dispatch('servers:list', {});
        const keys = await core.dispatch('keys:list', { serverId: ${JSON.stringify(serverId)} });
        out.listed = [servers.value.servers.length, keys.value.keys.length];
        out.builtByStart = schemas.filter(built).length;
        out.instancesByStart = instances - atLoad;
        // First uses: a refused input, a parsed one, a version 1 keys file.
        out.copy = await core.dispatch('keys:copy', { serverId: 'x', keyId: '', format: 'bearer' });
        out.copyBuilt = built(m.channels['keys:copy'].input) && instances > atLoad;
        out.settings = await core.dispatch('settings:set', { theme: 'dark' });
        const beforeLegacy = instances;
        out.legacy = m.keysFileSchema.safeParse({ version: 1, refreshedAt: null, keys: { a: 1 } })
          .error.issues.map((i) => i.path.join('.'));
        out.recordBuilt = built(m.keyRecordSchema);
        out.legacyInstances = instances - beforeLegacy;
        await core.stop();
        console.log(JSON.stringify(out));
      })();`) as Record<string, unknown>;
    expect(result).toMatchObject({
      deferred: deferredChannels,
      listed: [1, 40],
      builtByStart: 0,
      instancesByStart: 0,
      copy: {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'keyId: Too small: expected string to have >=1 characters',
        },
      },
      copyBuilt: true,
      settings: { ok: true, value: { settings: { theme: 'dark' } } },
      legacy: ['keys.a'],
      recordBuilt: true,
    });
    expect(result.lazy).toBeGreaterThan(deferredChannels.length);
    // zod's account of both versions and of the records (~130 instances) is built by this first
    // refused file, not before: built at load, the parse would build none (or ~40, the records').
    expect(result.legacyInstances).toBeGreaterThan(100);
  }, 60_000);
});
