/**
 * Clean-up with a user holding 20,000 tokens (the simulator's busy-user builder): grouping time
 * once the list is loaded (the pure grouping and the whole `hygiene:scan`), then bulk revocation
 * throughput through the core against the simulator's own floor (the same deletes from a bare
 * client, 8 in flight, as the core allows).
 *
 *   npx tsx bench/hygiene.bench.ts
 */
import { medianMax } from './median-max';
import { fileURLToPath } from 'node:url';
import type { Output } from '../electron/contract/ipc';
import { groupServerTokens } from '../electron/core/hygiene/hygiene-groups';
import { createRancherClient } from '../electron/core/rancher/create-rancher-client';
import { createMemorySecretStore } from '../electron/core/vault/memory-secret-store';
import { createTestCore } from '../test/bridge/compose';
import { addBusyUserTokens, startRancherSim } from '../test/rancher-sim';

const TOKENS = 20_000;
const REVOKE = 1_000;

export interface HygieneFigures {
  tokens: number;
  refreshMs: number;
  groupingMs: { median: number; max: number };
  scanMs: { median: number; max: number };
  revokePerSecond: number;
  simFloorPerSecond: number;
}

export async function run(): Promise<HygieneFigures> {
  const sim = await startRancherSim({ version: '2.13' });
  sim.state.addCluster({ id: 'c-m-4x7kq2lb', name: 'prod-eu' });
  addBusyUserTokens(sim.state, {
    user: sim.admin.id,
    count: TOKENS,
    clusterIds: ['c-m-4x7kq2lb', 'c-m-gone0001'],
  });
  const t = createTestCore({ secrets: createMemorySecretStore() });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await t.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const { server } = await call<Output<'servers:add'>>('servers:add', { url: sim.url });
    await call('auth:signIn', { serverId: server.id, method: 'api_key', token: sim.admin.token });
    let started = performance.now();
    await call('keys:refresh', { serverId: server.id });
    const refreshMs = Math.round(performance.now() - started);

    const { keys } = await call<Output<'keys:list'>>('keys:list', {
      serverId: server.id,
      includeSystem: true,
    });
    const grouping: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      groupServerTokens(keys, {
        serverId: server.id,
        serverName: 'bench',
        now: Date.now(),
        unusedDays: 90,
        clusters: new Map([['c-m-4x7kq2lb', 'prod-eu']]),
      });
      grouping.push(performance.now() - started);
    }
    const scans: number[] = [];
    await call('hygiene:scan', {}); // warms the cluster list
    for (let i = 0; i < 10; i++) {
      started = performance.now();
      await call('hygiene:scan', {});
      scans.push(performance.now() - started);
    }

    // Revocation through the core: the first REVOKE kubeconfig tokens.
    const { members } = await call<Output<'hygiene:members'>>('hygiene:members', {
      group: 'kubeconfig',
    });
    const keyIds = members.slice(0, REVOKE).map((m) => m.keyId);
    started = performance.now();
    const done = await call<Output<'hygiene:revoke'>>('hygiene:revoke', {
      jobId: 'bench-revoke-1',
      targets: [{ serverId: server.id, keyIds }],
    });
    const revokeMs = performance.now() - started;
    if (done.results.some((r) => r.outcome !== 'revoked')) throw new Error('a revocation failed');

    // The simulator's floor: the next REVOKE deletes from a bare client, 8 in flight.
    const client = createRancherClient({
      origin: sim.origin,
      tls: {},
      timeoutMs: 30_000,
      credential: () => Promise.resolve(sim.admin.token),
      appVersion: 'bench',
      version: sim.profile.versionString,
    });
    const floorIds = members.slice(REVOKE, 2 * REVOKE).map((m) => m.keyId);
    let next = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < floorIds.length) {
          const id = floorIds[next++]!;
          await client.deleteToken('v3', id);
        }
      }),
    );
    const floorMs = performance.now() - started;
    return {
      tokens: keys.length,
      refreshMs,
      groupingMs: medianMax(grouping),
      scanMs: medianMax(scans),
      revokePerSecond: Math.round((REVOKE / revokeMs) * 1000),
      simFloorPerSecond: Math.round((REVOKE / floorMs) * 1000),
    };
  } finally {
    await t.close();
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
