/**
 * The `rancher-keys` command as kubectl's credential plugin:
 *
 * - `kubectl-credential` cold, from process start to its output (target p50 ≤ 100 ms), as the
 *   single executable users get (`npm run dist`), as the bundle `npm run rancher-keys` runs
 *   under Node, and as the native Go helper (native/credential) the kubeconfigs run when it is
 *   built; `node -e 0` (Node's own boot on this machine) alongside for scale;
 * - `kubectl get namespaces` through the plugin vs with the same key as a plaintext token in the
 *   kubeconfig, interleaved in the same minutes (target ratio ≤ 1.3), through the single
 *   executable and through the native helper, with the kubectl users run
 *   (/usr/bin/kubectl: on these machines Google Cloud SDK's dispatcher, which runs the plugin in a
 *   process of its own to read /version, then hands over to `kubectl.1.31`) and with the versioned
 *   kubectl it hands over to, and with a static plugin (`/bin/sh` printing the ExecCredential:
 *   what kubectl's exec round trip costs whatever the plugin is written in);
 * - how many times one `kubectl get namespaces` runs the plugin.
 *
 * Before/after in the same minutes: RANCHER_KEYS_BENCH_BASELINE=<a single executable built from
 * the previous commit> adds it as one more interleaved variant.
 *
 * Real parts: the simulator over HTTPS, the core storing the key in the keychain (run inside
 * `scripts/with-keyring.mjs`), /usr/bin/kubectl.
 *
 *   node scripts/with-keyring.mjs -- npx tsx bench/cli-credential.bench.ts
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { keyAccount } from '../electron/core/vault/keychain-accounts';
import { startRig } from '../test/integration/keys/harness';
import { buildCli } from '../test/integration/cli/cli-runner';
import { countingKubeconfig, kubectlsOf, pluginRuns } from '../test/integration/cli/kubectl-runs';

const DAY = 86_400_000;
const COLD_RUNS = 40;
// More kubectl runs steady the ratios on a loaded machine: RANCHER_KEYS_BENCH_KUBECTL_RUNS=30.
const KUBECTL_RUNS = Number(process.env.RANCHER_KEYS_BENCH_KUBECTL_RUNS ?? 15);

/**
 * Runs a program to its end; resolves to the wall time from spawn to exit. Asynchronous: the
 * simulator answering kubectl lives in this process's event loop.
 */
function timeRun(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0] as string, argv.slice(1), {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${argv.join(' ')} failed: ${stderr}`));
    });
  });
}

/**
 * CPU time of this process's finished children (user + system, all their threads), from
 * /proc/self/stat: less swayed by other processes' load than wall time. Null off Linux.
 */
function childCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name; cutime and cstime are the 16th and 17th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const ms = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const rig = await startRig({ tls: true, trustCa: true, version: '2.13' });
  const [bundle, sea, native] = await Promise.all([
    buildCli('bundle'),
    buildCli('sea'),
    buildCli('native'),
  ]);
  const home = mkdtempSync(path.join(tmpdir(), 'rk-bench-cli-'));
  try {
    const { key } = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'bench',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    const bearer = await rig.t.secrets.get(keyAccount(rig.sim.origin, key.id));
    if (!bearer) throw new Error('no secret stored');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      RANCHER_KEYS_DATA_DIR: rig.t.dataDir,
      RANCHER_KEYS_KEYCHAIN_SERVICE: rig.t.keychainService,
      KUBERNETES_EXEC_INFO: JSON.stringify({
        kind: 'ExecCredential',
        apiVersion: 'client.authentication.k8s.io/v1',
        spec: { interactive: false },
      }),
    };
    const credentialArgs = ['kubectl-credential', '--server', rig.sim.origin, '--key', key.id];

    // Cold starts, interleaved so that load swings hit every variant alike.
    const baseline = process.env.RANCHER_KEYS_BENCH_BASELINE;
    const variants: Record<string, readonly string[]> = {
      native: [...native.credential, ...credentialArgs.slice(1)],
      sea: [...sea.prefix, ...credentialArgs],
      bundle: [...bundle.prefix, ...credentialArgs],
      node: [process.execPath, '-e', '0'],
      ...(baseline ? { baseline: [baseline, ...credentialArgs] } : {}),
    };
    const cold: Record<string, number[]> = {};
    const cpu: Record<string, number> = {};
    await timeRun(variants.sea ?? [], env); // writes keytar.node to the cache once
    if (baseline) await timeRun(variants.baseline ?? [], env);
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const [name, argv] of Object.entries(variants)) {
        const before = childCpuMs();
        (cold[name] ??= []).push(await timeRun(argv, env));
        const after = childCpuMs();
        if (before !== null && after !== null) cpu[name] = (cpu[name] ?? 0) + after - before;
      }
    }
    const coldFigures = (name: string) => {
      const values = cold[name];
      if (!values) return null;
      const cpuTotal = cpu[name];
      return {
        p50: ms(percentile(values, 50)),
        p95: ms(percentile(values, 95)),
        cpuMean: cpuTotal === undefined ? null : ms(cpuTotal / values.length),
      };
    };

    // kubectl through the plugin (the single executable) vs a plaintext token, same cluster.
    const viaPlugin = path.join(home, 'plugin.kubeconfig');
    await timeRun(
      [...sea.prefix, 'kubeconfig', '--cluster', 'local', '--key', key.id, '-o', viaPlugin],
      env,
    );
    // The same through the native helper (the native build writes its exec entry).
    const viaNative = path.join(home, 'native.kubeconfig');
    await timeRun(
      [...native.prefix, 'kubeconfig', '--cluster', 'local', '--key', key.id, '-o', viaNative],
      env,
    );
    if (!readFileSync(viaNative, 'utf8').includes(`command: ${native.credential[0]}`)) {
      throw new Error('the native kubeconfig does not run the native helper');
    }
    const plaintext = path.join(home, 'plaintext.kubeconfig');
    writeFileSync(
      plaintext,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'c',
            cluster: {
              server: `${rig.sim.origin}/k8s/clusters/local`,
              'certificate-authority-data': Buffer.from(rig.sim.caPem ?? '').toString('base64'),
            },
          },
        ],
        users: [{ name: 'u', user: { token: bearer } }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'c',
      }),
      { mode: 0o600 },
    );
    // The same exec round trip with a plugin that costs next to nothing: the floor of any plugin.
    const staticPlugin = path.join(home, 'static-plugin.sh');
    writeFileSync(
      staticPlugin,
      `#!/bin/sh\nprintf '%s\\n' '${JSON.stringify({
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        status: { token: bearer },
      })}'\n`,
      { mode: 0o700 },
    );
    chmodSync(staticPlugin, 0o700);
    const viaStatic = path.join(home, 'static.kubeconfig');
    writeFileSync(
      viaStatic,
      readFileSync(plaintext, 'utf8').replace(
        /token: .*/,
        `exec: {apiVersion: client.authentication.k8s.io/v1, command: ${staticPlugin}, interactiveMode: Never}`,
      ),
      { mode: 0o600 },
    );

    const { dispatchedTo } = await kubectlsOf('/usr/bin/kubectl', '1.31');
    const binaries = { dispatcher: '/usr/bin/kubectl', direct: dispatchedTo ?? '/usr/bin/kubectl' };
    const kubectl = (binary: string, file: string) =>
      timeRun([binary, '--kubeconfig', file, 'get', 'namespaces'], env);
    // Warm kubectl's discovery cache (shared by every kubeconfig of this cluster).
    await kubectl(binaries.dispatcher, viaPlugin);
    await kubectl(binaries.dispatcher, plaintext);

    // How many plugin runs one `kubectl get namespaces` costs, with each binary.
    const counted = path.join(home, 'counted.kubeconfig');
    const counter = path.join(home, 'plugin-runs');
    countingKubeconfig(viaPlugin, counted, counter);
    const runsPerCall: Record<string, number> = {};
    for (const [name, binary] of Object.entries(binaries)) {
      rmSync(counter, { force: true });
      await kubectl(binary, counted);
      runsPerCall[name] = pluginRuns(counter);
    }

    const get: Record<string, Record<string, number[]>> = {};
    for (const name of Object.keys(binaries)) {
      get[name] = { plugin: [], native: [], plaintext: [], static: [], baseline: [] };
    }
    const viaBaseline = path.join(home, 'baseline.kubeconfig');
    if (baseline) {
      writeFileSync(
        viaBaseline,
        readFileSync(viaPlugin, 'utf8').replace(/command: .*/, `command: ${baseline}`),
        { mode: 0o600 },
      );
    }
    for (let i = 0; i < KUBECTL_RUNS; i++) {
      for (const [name, binary] of Object.entries(binaries)) {
        const runs = get[name] as Record<string, number[]>;
        runs.plugin?.push(await kubectl(binary, viaPlugin));
        runs.native?.push(await kubectl(binary, viaNative));
        runs.plaintext?.push(await kubectl(binary, plaintext));
        runs.static?.push(await kubectl(binary, viaStatic));
        if (baseline) runs.baseline?.push(await kubectl(binary, viaBaseline));
      }
    }
    const p50 = (values: number[] | undefined) =>
      values?.length ? ms(percentile(values, 50)) : null;
    const kubectlFigures = Object.fromEntries(
      Object.entries(get).map(([name, runs]) => {
        const plain = percentile(runs.plaintext ?? [], 50);
        const ratio = (values: number[] | undefined) =>
          values?.length ? Math.round((percentile(values, 50) / plain) * 100) / 100 : null;
        return [
          name,
          {
            binary: binaries[name as keyof typeof binaries],
            pluginRunsPerCall: runsPerCall[name],
            plaintext: p50(runs.plaintext),
            plugin: p50(runs.plugin),
            ratio: ratio(runs.plugin),
            native: p50(runs.native),
            nativeRatio: ratio(runs.native),
            staticPlugin: p50(runs.static),
            staticRatio: ratio(runs.static),
            baselinePlugin: p50(runs.baseline),
            baselineRatio: ratio(runs.baseline),
          },
        ];
      }),
    );
    const figures = {
      loadAverage: { start: loadAtStart, end: loadavg().map((l) => Math.round(l * 100) / 100) },
      credentialColdNative: coldFigures('native'),
      credentialColdSea: coldFigures('sea'),
      credentialColdBundle: coldFigures('bundle'),
      nodeBoot: coldFigures('node'),
      credentialColdBaseline: coldFigures('baseline'),
      kubectlGetNamespaces: kubectlFigures,
      runs: { cold: COLD_RUNS, kubectl: KUBECTL_RUNS },
    };
    console.log(JSON.stringify(figures, null, 2));
    return figures;
  } finally {
    await rig.close();
    await Promise.all([bundle.remove(), sea.remove(), native.remove()]);
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run();
}
