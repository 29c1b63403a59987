/**
 * Token sprawl: one server whose user holds 100,000 tokens (kubeconfig tokens accumulate; real
 * installs report 100k+). Measures the refresh of that list: wall time, the core process's peak
 * RSS, the size of the cached list on disk, and how soon `keys:list` answers afterwards: its first
 * window (what the window shows first) and the whole list (that window and the rest).
 * Targets (issue 9): the list is shown, peak RSS ≤ 300 MB, cache file ≤ 15 MB.
 *
 *   npx tsx bench/core-scale.bench.ts [tokens]
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startServers } from './core-refresh.bench';

const MB = 1024 * 1024;

export async function run(tokens = 100_000): Promise<Record<string, number>> {
  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  loop.enable();
  // startServers adds the server, signs in and runs the first refresh of the whole list.
  const { t, serverIds, stop } = await startServers(
    1,
    tokens,
    { refreshTimeoutMs: 120_000 },
    120_000,
  );
  const firstRefreshMs = performance.now() - started;
  loop.disable();
  const serverId = serverIds[0] ?? '';
  // As the window asks: the first screen (200 rows), then the rest of the list.
  const listStart = performance.now();
  const first = await t.dispatch('keys:list', { serverId, limit: 200 });
  const firstWindowMs = performance.now() - listStart;
  if (!first.ok) throw new Error(first.error.message);
  const rest = await t.dispatch('keys:list', { serverId, offset: 200 });
  const listMs = performance.now() - listStart;
  if (!rest.ok) throw new Error(rest.error.message);
  const firstKeys = (first.value as { keys: unknown[]; total: number }).keys.length;
  const listed = firstKeys + (rest.value as { keys: unknown[] }).keys.length;
  const refreshStart = performance.now();
  const again = await t.dispatch('keys:refresh', { serverId });
  const refreshMs = performance.now() - refreshStart;
  if (!again.ok) throw new Error(again.error.message);
  await t.core.stop();
  let cacheBytes = 0;
  for (const name of await readdir(t.dataDir)) {
    if (name.startsWith('keys-')) cacheBytes += (await stat(path.join(t.dataDir, name))).size;
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  stop();
  await t.close().catch(() => undefined);
  const figures = {
    tokens,
    listed,
    firstRefreshMs: Math.round(firstRefreshMs),
    refreshMs: Math.round(refreshMs),
    firstWindowMs: Math.round(firstWindowMs),
    listMs: Math.round(listMs),
    longestLoopBlockMs: Math.round(loop.max / 1e6),
    peakRssMB: Math.round(peakRss / MB),
    rssAtStartMB: Math.round(rssBefore / MB),
    cacheFileMB: Math.round((cacheBytes / MB) * 10) / 10,
  };
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tokens = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await run(tokens)));
  process.exit(0);
}
