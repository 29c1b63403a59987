/**
 * Refresh of 20 servers × 200 tokens (+100 ms per request) direct and through one CONNECT proxy,
 * in the same run: the servers are switched between "no proxy" and the proxy, and each mode is
 * timed cold (the first refresh after the switch: new connections, and through the proxy a tunnel
 * each) and warm (median of 3, keep-alive). The modes alternate for 3 rounds; medians reported.
 * The proxy runs in its own process, as a real one is another machine; the simulators are plain
 * HTTP (allowed through the proxy for the bench), so the difference is the proxy's, not TLS's.
 *
 *   npx tsx bench/proxy-refresh.bench.ts
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestCore } from '../test/bridge/compose';
import { startConnectProxy } from '../test/support/connect-proxy';
import { startServers } from './core-refresh.bench';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Starts the proxy in a child process; resolves with its URL and a stop function. */
async function proxyProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--proxy'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  return { url: line.trim(), stop: () => child.stdin.end() };
}

async function setProxy(t: TestCore, ids: string[], proxyUrl: string | null): Promise<void> {
  for (const id of ids) {
    const result = await t.dispatch('servers:update', {
      id,
      proxy: proxyUrl ? { mode: 'url', url: proxyUrl, allowPlainHttp: true } : { mode: 'none' },
    });
    if (!result.ok) throw new Error(result.error.message);
  }
}

async function measure(t: TestCore): Promise<{ cold: number; warm: number }> {
  const cold = await timed(() => t.dispatch('keys:refresh', {}));
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timed(() => t.dispatch('keys:refresh', {})));
  return { cold, warm: warm.sort((a, b) => a - b)[1] ?? 0 };
}

export async function run(): Promise<Record<string, number>> {
  const proxy = await proxyProcess();
  const { t, serverIds, command, stop } = await startServers(20, 200, { refreshTimeoutMs: 5_000 });
  await command('latency 100');
  await t.dispatch('keys:refresh', {});
  const rounds: Array<{
    direct: { cold: number; warm: number };
    proxied: { cold: number; warm: number };
  }> = [];
  for (let round = 0; round < 3; round++) {
    await setProxy(t, serverIds, null);
    const direct = await measure(t);
    await setProxy(t, serverIds, proxy.url);
    const proxied = await measure(t);
    rounds.push({ direct, proxied });
  }
  const failures = await t.dispatch('keys:refresh', {});
  const allOk =
    failures.ok &&
    (failures.value as { results: Array<{ ok: boolean }> }).results.every((r) => r.ok);
  await t.close();
  stop();
  proxy.stop();
  const median = (pick: (r: (typeof rounds)[number]) => number) =>
    Math.round(rounds.map(pick).sort((a, b) => a - b)[1] ?? 0);
  const figures = {
    directColdMs: median((r) => r.direct.cold),
    directWarmMs: median((r) => r.direct.warm),
    proxiedColdMs: median((r) => r.proxied.cold),
    proxiedWarmMs: median((r) => r.proxied.warm),
    allRefreshesOk: allOk ? 1 : 0,
  };
  console.log('proxy refresh: 20 servers × 200 tokens, +100 ms per request, median of 3 rounds');
  console.log(
    `  direct : cold ${figures.directColdMs} ms, warm ${figures.directWarmMs} ms (median of 3)`,
  );
  console.log(
    `  proxied: cold ${figures.proxiedColdMs} ms, warm ${figures.proxiedWarmMs} ms (median of 3)`,
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--proxy') {
    const proxy = await startConnectProxy();
    process.stdout.write(`${proxy.url}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => void proxy.close().then(() => process.exit(0)));
  } else {
    await run();
    process.exit(0);
  }
}
