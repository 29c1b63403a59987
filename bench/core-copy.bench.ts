/**
 * keys:copy with 1,000 keys in the real keychain: from the dispatch call to the clipboard port
 * being written (target p95 ≤ 10 ms). Run inside the private keyring:
 *
 *   node scripts/with-keyring.mjs -- npx tsx bench/core-copy.bench.ts
 *
 * Seeding creates the 1,000 keys through keys:create (server + keychain, ~15–40 s).
 */
import { pathToFileURL } from 'node:url';
import { copyFormats } from '../electron/contract/keys';
import { createTestCore } from '../test/bridge/compose';
import { startRancherSim } from '../test/rancher-sim';

export async function run(): Promise<Record<string, number>> {
  const sim = await startRancherSim({ version: '2.13' });
  const t = createTestCore();
  const call = async (channel: string, input: unknown) => {
    const result = await t.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  const { server } = (await call('servers:add', { url: sim.url })) as { server: { id: string } };
  await call('auth:signIn', { serverId: server.id, method: 'api_key', token: sim.admin.token });
  const seedStart = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const out = (await call('keys:create', {
      serverId: server.id,
      description: `bench ${i}`,
      expiry: { kind: 'duration', ms: (i + 1) * 3_600_000 },
    })) as { key: { id: string } };
    ids.push(out.key.id);
  }
  const seedMs = performance.now() - seedStart;

  let writtenAt = 0;
  const write = t.clipboard.writeText.bind(t.clipboard);
  t.clipboard.writeText = async (text: string) => {
    writtenAt = performance.now();
    await write(text);
  };
  const samples: number[] = [];
  for (let i = 0; i < 520; i++) {
    const keyId = ids[(i * 7919) % ids.length] ?? '';
    const format = copyFormats[i % copyFormats.length];
    const started = performance.now();
    await call('keys:copy', { serverId: server.id, keyId, format });
    if (i >= 20) samples.push(writtenAt - started);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
  const figures = {
    keys: ids.length,
    seedSeconds: Math.round(seedMs / 100) / 10,
    p50Ms: Number(pct(50).toFixed(2)),
    p95Ms: Number(pct(95).toFixed(2)),
    maxMs: Number((samples.at(-1) ?? 0).toFixed(2)),
  };
  console.log(
    'keys:copy with 1,000 keys in the real keychain (gnome-keyring), 500 copies, all formats',
  );
  console.log(`  seeding 1,000 keys via keys:create: ${figures.seedSeconds} s`);
  console.log(
    `  call → clipboard written: p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms (target p95 ≤ 10 ms)`,
  );
  await t.close();
  await sim.close();
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
  process.exit(0);
}
