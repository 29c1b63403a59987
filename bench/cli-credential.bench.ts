/**
 * The `rancher-keys` command as kubectl's credential plugin:
 *
 * - `kubectl-credential` cold, from process start to its output (target p50 ≤ 100 ms), as the
 *   single executable users get (`npm run dist`) and as the bundle `npm run rancher-keys` runs
 *   under Node; `node -e 0` (Node's own boot on this machine) alongside for scale;
 * - `kubectl get namespaces` through the plugin vs with the same key as a plaintext token in the
 *   kubeconfig, interleaved in the same minutes (target ratio ≤ 1.3).
 *
 * Real parts: the simulator over HTTPS, the core storing the key in the keychain (run inside
 * `scripts/with-keyring.mjs`), /usr/bin/kubectl.
 *
 *   node scripts/with-keyring.mjs -- npx tsx bench/cli-credential.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { keyAccount } from '../electron/core/vault/keychain-accounts';
import { startRig } from '../test/integration/keys/harness';
import { buildCli } from '../test/integration/cli/cli-runner';

const DAY = 86_400_000;
const COLD_RUNS = 40;
const KUBECTL_RUNS = 15;

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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const ms = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const rig = await startRig({ tls: true, trustCa: true, version: '2.13' });
  const [bundle, sea] = await Promise.all([buildCli('bundle'), buildCli('sea')]);
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
    const cold = { sea: [] as number[], bundle: [] as number[], node: [] as number[] };
    await timeRun([...sea.prefix, ...credentialArgs], env); // writes keytar.node to the cache once
    for (let i = 0; i < COLD_RUNS; i++) {
      cold.sea.push(await timeRun([...sea.prefix, ...credentialArgs], env));
      cold.bundle.push(await timeRun([...bundle.prefix, ...credentialArgs], env));
      cold.node.push(await timeRun([process.execPath, '-e', '0'], env));
    }

    // kubectl through the plugin (the single executable) vs a plaintext token, same cluster.
    const viaPlugin = path.join(home, 'plugin.kubeconfig');
    await timeRun(
      [...sea.prefix, 'kubeconfig', '--cluster', 'local', '--key', key.id, '-o', viaPlugin],
      env,
    );
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
    const kubectl = (file: string) =>
      timeRun(['/usr/bin/kubectl', '--kubeconfig', file, 'get', 'namespaces'], env);
    await kubectl(viaPlugin); // warm kubectl's discovery cache, shared by both kubeconfigs
    await kubectl(plaintext);
    const get = { plugin: [] as number[], plaintext: [] as number[] };
    for (let i = 0; i < KUBECTL_RUNS; i++) {
      get.plugin.push(await kubectl(viaPlugin));
      get.plaintext.push(await kubectl(plaintext));
    }
    const figures = {
      credentialColdSea: { p50: ms(percentile(cold.sea, 50)), p95: ms(percentile(cold.sea, 95)) },
      credentialColdBundle: {
        p50: ms(percentile(cold.bundle, 50)),
        p95: ms(percentile(cold.bundle, 95)),
      },
      nodeBoot: { p50: ms(percentile(cold.node, 50)), p95: ms(percentile(cold.node, 95)) },
      kubectlGetNamespaces: {
        plugin: ms(percentile(get.plugin, 50)),
        plaintext: ms(percentile(get.plaintext, 50)),
        ratio: Math.round((percentile(get.plugin, 50) / percentile(get.plaintext, 50)) * 100) / 100,
      },
      runs: { cold: COLD_RUNS, kubectl: KUBECTL_RUNS },
    };
    console.log(JSON.stringify(figures, null, 2));
    return figures;
  } finally {
    await rig.close();
    await Promise.all([bundle.remove(), sea.remove()]);
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run();
}
