/**
 * Core cold start with 1,000 cached keys over 20 servers: until every server's list is available
 * (target ≤ 100 ms). The servers are stopped first, so the background refresh that start()
 * launches cannot help (or hinder) the cached list.
 *
 * Four figures:
 * - fresh process, bundled core: what users run (main is one esbuild bundle, bundled here with
 *   scripts/build.mjs's own `mainBuildOptions`, beside the files of the dependencies it loads on
 *   first use); from loading the bundle to every list, in a new Node process each time (Node's
 *   own boot before that is printed apart), with its CPU time and the time to list every server
 *   again (what each later listing of unchanged keys costs);
 * - the same with a V8 code cache of the bundle (compiled through `vm.Script` with `cachedData`
 *   made by an earlier run, as v8-compile-cache does and as Node 22's `module.enableCompileCache`
 *   does for a required file): what compile caching would save; the app does not use one (see
 *   bench/RESULTS.md);
 * - fresh process, TypeScript sources through tsx (development only: transpiling counts);
 * - further starts in one process (modules loaded and compiled already).
 *
 *   npx tsx bench/core-start.bench.ts
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/core-start.bench.ts  (also a CPU profile of each start)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const coreModules = [
  'electron/core/create-core.ts',
  'electron/core/vault/memory-secret-store.ts',
  'electron/core/log.ts',
  'electron/core/ports.ts',
  'electron/core/vault/keytar-secret-store.ts',
];

/**
 * The child: loads the core (the bundle, or the sources through tsx), starts it on the seeded data
 * dir and lists every server. Plain JavaScript, so that the bundle's child runs without tsx.
 * Prints the phases in ms since the child's time origin (process start).
 */
const childScript = `
const [entriesJson, dataDir, codeCache] = process.argv.slice(-3);
const entries = JSON.parse(entriesJson);
const booted = performance.now();
const cpu0 = process.cpuUsage();
// The bundle is CommonJS and required as Electron requires main (import() would first scan it for
// named exports); the sources are ES modules. With a code cache file, the bundle is compiled as
// Node compiles a CommonJS module, but from V8's cached data when the file holds some.
// Builtins are taken as CommonJS takes them: import() would first build each one's ES module
// facade, which reads every export of node:fs and so loads Node's streams (~2 ms), a cost of this
// child script that main (required as CommonJS) does not have.
const Module = process.getBuiltinModule('node:module');
const { createRequire } = Module;
const fs = process.getBuiltinModule('node:fs');
const vm = process.getBuiltinModule('node:vm');
let script = null;
function requireCached(file) {
  let cachedData;
  try { cachedData = fs.readFileSync(codeCache); } catch {}
  script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData && script.cachedDataRejected) throw new Error('code cache rejected');
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dataDir);
  return module.exports;
}
const load = (e) => (!e.endsWith('.cjs') ? import(e) : codeCache !== '-' ? requireCached(e) : createRequire(import.meta.url)(e));
const loaded = Object.assign({}, ...(await Promise.all(entries.map(load))));
const modules = performance.now();
// The sign-in credentials of the seeded servers (simulator keys), as the keychain would hold them:
// in memory, or (BENCH_KEYRING=<service>) in the real keyring, where the parent put them.
const keyring = process.env.BENCH_KEYRING;
const secrets = keyring ? loaded.createKeytarSecretStore({ service: keyring }) : loaded.createMemorySecretStore();
if (!keyring) for (const [account, secret] of JSON.parse(process.env.BENCH_SECRETS ?? '[]')) await secrets.set(account, secret);
const core = loaded.createCore({
  appVersion: '0.0.0-bench', platform: process.platform, dataDir,
  secrets, clock: loaded.systemClock, log: loaded.createMemoryLogger(),
  clipboard: { writeText: async () => {}, readText: async () => '', clear: async () => {} },
  refreshTimeoutMs: 1000,
});
await core.start();
const started = performance.now();
const servers = await core.dispatch('servers:list', {});
let keys = 0;
for (const server of servers.value.servers) {
  const list = await core.dispatch('keys:list', { serverId: server.id });
  keys += list.value.keys.length;
}
const listed = performance.now();
const cpuUsed = process.cpuUsage(cpu0);
const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
// The window lists again after every refresh: the same views, unchanged.
for (const server of servers.value.servers) await core.dispatch('keys:list', { serverId: server.id });
const relisted = performance.now();
// The first run with a cache file writes it: the functions compiled so far (the whole start) in it.
if (script && !fs.existsSync(codeCache)) fs.writeFileSync(codeCache, script.createCachedData());
process.stdout.write(JSON.stringify({ booted, modules, started, listed, relisted, keys, cpu }) + '\\n');
await core.stop();
process.exit(0);
`;

interface Phases {
  booted: number;
  modules: number;
  started: number;
  listed: number;
  /** Every list asked for again (unchanged): what each later listing costs. */
  relisted: number;
  keys: number;
  /** CPU time (user + system) from loading to every list: steadier than wall time under load. */
  cpu: number;
}

function freshStart(
  execArgv: string[],
  entries: string[],
  dataDir: string,
  secrets: Map<string, string>,
  codeCache = '-',
  env: NodeJS.ProcessEnv = {},
): Promise<Phases> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...execArgv,
        '--input-type=module',
        '-e',
        childScript,
        '--',
        JSON.stringify(entries),
        dataDir,
        codeCache,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, BENCH_SECRETS: JSON.stringify([...secrets]), ...env },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out) as Phases);
      } catch {
        reject(new Error(`fresh start exited with ${code}: ${out}`));
      }
    });
  });
}

/** Bundles the core as scripts/build.mjs bundles main (one CommonJS file for Node). */
async function bundleCore(outDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { buildMainVendors, mainBuildOptions } = await import('../scripts/build.mjs');
  const outfile = path.join(outDir, 'core.cjs');
  await build({
    ...mainBuildOptions,
    stdin: {
      contents: coreModules.map((m) => `export * from './${m.replace(/\.ts$/, '')}';`).join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    outfile,
    sourcemap: false,
  });
  await buildMainVendors(outDir);
  return outfile;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function run(): Promise<Record<string, number>> {
  const { createTestCore } = await import('../test/bridge/compose');
  const { createMemorySecretStore } = await import('../electron/core/vault/memory-secret-store');
  const { startServers } = await import('./core-refresh.bench');
  const secrets = createMemorySecretStore();
  const { t, serverIds, stop } = await startServers(20, 50, { secrets, keep: true });
  await t.close();
  stop();

  const outDir = mkdtempSync(path.join(tmpdir(), 'rk-bench-core-'));
  const bundle = await bundleCore(outDir);
  const codeCache = path.join(outDir, 'core.cjs.v8cache');
  // The run that writes the code cache is not counted; then plain and cached starts alternate.
  await freshStart([], [bundle], t.dataDir, secrets.snapshot(), codeCache);
  const bundled: Phases[] = [];
  const cached: Phases[] = [];
  // BENCH_CPU_PROF=<dir>: each bundled fresh start also writes a V8 CPU profile there.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, '--cpu-prof-interval=100']
    : [];
  for (let i = 0; i < 7; i++) {
    bundled.push(await freshStart(profile, [bundle], t.dataDir, secrets.snapshot()));
    cached.push(await freshStart([], [bundle], t.dataDir, secrets.snapshot(), codeCache));
  }
  // With the real keyring (keytar on the Secret Service this process sees, as the app runs): the
  // sign-in items under a bench service, deleted afterwards. keytar is resolved from the checkout.
  const { createKeytarSecretStore } = await import('../electron/core/vault/keytar-secret-store');
  const service = `rancher-keys-bench-${process.pid}`;
  const keyring = createKeytarSecretStore({ service });
  const withKeyring: Phases[] = [];
  try {
    for (const [account, secret] of secrets.snapshot()) await keyring.set(account, secret);
    const env = { BENCH_KEYRING: service, NODE_PATH: path.join(repo, 'node_modules') };
    for (let i = 0; i < 5; i++)
      withKeyring.push(await freshStart([], [bundle], t.dataDir, new Map(), '-', env));
  } finally {
    for (const account of await keyring.accounts()) await keyring.delete(account);
  }
  const sources = coreModules.map((m) => pathToFileURL(path.join(repo, m)).href);
  const transpiled: Phases[] = [];
  for (let i = 0; i < 3; i++)
    transpiled.push(await freshStart(process.execArgv, sources, t.dataDir, secrets.snapshot()));

  const times: number[] = [];
  let listed = 0;
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const core = createTestCore({
      secrets,
      dataDir: t.dataDir,
      keep: true,
      refreshTimeoutMs: 1_000,
    });
    await core.ready();
    listed = 0;
    for (const serverId of serverIds) {
      const result = await core.dispatch('keys:list', { serverId });
      if (result.ok) listed += (result.value as { keys: unknown[] }).keys.length;
    }
    times.push(performance.now() - started);
    await core.close();
  }
  rmSync(outDir, { recursive: true, force: true });
  rmSync(t.dataDir, { recursive: true, force: true });

  const phase = (runs: Phases[], from: keyof Phases, to: keyof Phases) =>
    Math.round(median(runs.map((r) => r[to] - r[from])));
  const figures = {
    keysListed: listed,
    bundledFreshMs: phase(bundled, 'booted', 'listed'),
    bundledModulesMs: phase(bundled, 'booted', 'modules'),
    bundledStartMs: phase(bundled, 'modules', 'started'),
    bundledListMs: phase(bundled, 'started', 'listed'),
    nodeBootMs: Math.round(median(bundled.map((r) => r.booted))),
    bundledCpuMs: Math.round(median(bundled.map((r) => r.cpu))),
    bundledRelistMs: phase(bundled, 'listed', 'relisted'),
    keyringFreshMs: phase(withKeyring, 'booted', 'listed'),
    keyringStartMs: phase(withKeyring, 'modules', 'started'),
    cachedFreshMs: phase(cached, 'booted', 'listed'),
    cachedCpuMs: Math.round(median(cached.map((r) => r.cpu))),
    cachedModulesMs: phase(cached, 'booted', 'modules'),
    cachedStartMs: phase(cached, 'modules', 'started'),
    cachedListMs: phase(cached, 'started', 'listed'),
    tsxFreshMs: phase(transpiled, 'booted', 'listed'),
    tsxModulesMs: phase(transpiled, 'booted', 'modules'),
    firstInProcessMs: Math.round(times[0] ?? 0),
    medianStartMs: Math.round(median(times.slice(1))),
  };
  console.log('core cold start: 20 servers, 1,000 cached keys, until every list is available');
  console.log(
    `  keys listed                             : ${figures.keysListed} (fresh processes: ${bundled[0]?.keys})`,
  );
  console.log(
    `  fresh process, bundled core (median/7)  : ${figures.bundledFreshMs} ms = load ${figures.bundledModulesMs} + start ${figures.bundledStartMs} + list ${figures.bundledListMs}, CPU ${figures.bundledCpuMs} ms (target ≤ 100 ms; Node's boot before it: ${figures.nodeBootMs} ms)`,
  );
  console.log(`  every list again, unchanged (median/7) : ${figures.bundledRelistMs} ms`);
  console.log(
    `  same, real keyring (keytar) (median/5) : ${figures.keyringFreshMs} ms (start ${figures.keyringStartMs} ms)`,
  );
  console.log(
    `  same, with a V8 code cache (median/7)   : ${figures.cachedFreshMs} ms = load ${figures.cachedModulesMs} + start ${figures.cachedStartMs} + list ${figures.cachedListMs}, CPU ${figures.cachedCpuMs} ms`,
  );
  console.log(
    `  fresh process, sources via tsx (med./3) : ${figures.tsxFreshMs} ms (loading and transpiling ${figures.tsxModulesMs} ms)`,
  );
  console.log(
    `  in one process: first ${figures.firstInProcessMs} ms, median of 5 further ${figures.medianStartMs} ms`,
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
  process.exit(0);
}
