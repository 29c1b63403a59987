/**
 * Throughput of the Rancher simulator: requests per second of `GET /v3/tokens` with 200 tokens for
 * one user. The simulator runs alone in a child process (one Node event loop = one core); this
 * process generates load over keep-alive connections. Figures are printed and written to
 * bench/RESULTS.md under "## Rancher simulator".
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startRancherSim } from '../test/rancher-sim/index';

const TOKENS = 200;
const CONCURRENCY = 16;
const DURATION_MS = 5_000;
const MAX_REQUESTS = 20_000;
const WARMUP_REQUESTS = 500;
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const HEADING = '## Rancher simulator';

/** Figures of one run. */
export interface RancherSimBenchResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responseBytes: number;
}

interface ChildReady {
  url: string;
  bearer: string;
}

/** Child side: a simulator with 200 tokens for the admin. */
async function child(): Promise<void> {
  const sim = await startRancherSim({ version: '2.13' });
  for (let i = 0; i < TOKENS - 1; i++) {
    sim.state.addToken({ user: sim.admin.id, description: `bench key ${i}`, ttlMs: 86_400_000 });
  }
  const ready: ChildReady = { url: sim.url, bearer: sim.admin.token };
  process.send?.(ready);
  process.once('disconnect', () => {
    void sim.close().then(() => process.exit(0));
  });
}

function get(agent: Agent, url: string, bearer: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v3/tokens`,
      { agent, headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function load(
  url: string,
  bearer: string,
  total: number,
  untilMs: number,
): Promise<{
  latencies: number[];
  bytes: number;
}> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let issued = 0;
  let bytes = 0;
  const worker = async (): Promise<void> => {
    while (issued < total && Date.now() < untilMs) {
      issued++;
      const t = performance.now();
      bytes = await get(agent, url, bearer);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return { latencies, bytes };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs the benchmark, prints the figures and records them in bench/RESULTS.md. */
export async function main(): Promise<RancherSimBenchResult> {
  const proc = fork(fileURLToPath(import.meta.url), ['--child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await new Promise<ChildReady>((resolve, reject) => {
      proc.once('message', (m) => resolve(m as ChildReady));
      proc.once('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
    });
    await load(ready.url, ready.bearer, WARMUP_REQUESTS, Date.now() + 10_000);
    const start = performance.now();
    const { latencies, bytes } = await load(
      ready.url,
      ready.bearer,
      MAX_REQUESTS,
      Date.now() + DURATION_MS,
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const result: RancherSimBenchResult = {
      requests: latencies.length,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      responseBytes: bytes,
    };
    console.log(
      `rancher-sim GET /v3/tokens (${TOKENS} tokens, ${CONCURRENCY} keep-alive connections): ` +
        `${result.requestsPerSecond.toFixed(0)} req/s over ${result.requests} requests in ${seconds.toFixed(2)} s; ` +
        `p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms; ${(bytes / 1024).toFixed(0)} KiB per response`,
    );
    record(result);
    return result;
  } finally {
    proc.disconnect();
  }
}

/** Replaces only this benchmark's section of RESULTS.md; other sections belong to other benches. */
function record(r: RancherSimBenchResult): void {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const section = [
    HEADING,
    '',
    `\`npx tsx bench/rancher-sim.bench.ts\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}.`,
    `Simulator (version 2.13, plain HTTP) alone in a child process, i.e. one core; load from the parent over`,
    `${CONCURRENCY} keep-alive connections; ${WARMUP_REQUESTS} warm-up requests, then up to ${MAX_REQUESTS} requests or ${DURATION_MS / 1000} s.`,
    '',
    '| request | tokens | requests | req/s | p50 | p99 | body |',
    '|---|---|---|---|---|---|---|',
    `| \`GET /v3/tokens\` | ${TOKENS} | ${r.requests} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(2)} ms | ${r.p99Ms.toFixed(2)} ms | ${(r.responseBytes / 1024).toFixed(0)} KiB |`,
    '',
  ].join('\n');
  const existing = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
  const start = existing.indexOf(HEADING);
  let next: string;
  if (start < 0) {
    next = `${existing.replace(/\n*$/, '\n\n')}${section}`;
  } else {
    const after = existing.indexOf('\n## ', start + HEADING.length);
    next = existing.slice(0, start) + section + (after < 0 ? '' : existing.slice(after + 1));
  }
  writeFileSync(RESULTS, next);
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry && process.argv.includes('--child')) {
  void child();
} else if (isEntry) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
