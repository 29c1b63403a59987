/**
 * The Plaintext check on big files: a kubeconfig with 10,000 users (each with its own cluster,
 * CA data and context, as Rancher's per-cluster downloads merged together) and a cli2.json with
 * 500 server entries (login key and a cached kube credential each). Times the scan of the files
 * alone (read, parse, find), the whole `plaintext:scan` through the core (files changed before
 * each run, and unchanged: what `keys:whereUsed` and a rescan cost), and the rewrite of one
 * user in the big kubeconfig (the changed pair spliced at its syntax-tree offsets, then the whole
 * file read back and checked).
 *
 *   npx tsx bench/plaintext-scan.bench.ts
 */
import { medianMax } from './median-max';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExecUser } from '../electron/core/kubeconfig/kubeconfig-file';
import { rewriteKubeconfig } from '../electron/core/plaintext/file-rewrites';
import { knownPlaces } from '../electron/core/plaintext/plaintext-places';
import { scanPlaces } from '../electron/core/plaintext/plaintext-scan';
import { createSecretHasher } from '../electron/core/plaintext/secret-hash';
import { createMemorySecretStore } from '../electron/core/vault/memory-secret-store';
import { createTestCore } from '../test/bridge/compose';
import { bearerFor, cli2Json, kubeconfigYaml, tokenName } from '../test/support/plaintext-fixtures';

const USERS = 10_000;
const SERVERS = 500;
const RUNS = 5;

export interface PlaintextFigures {
  kubeconfigMb: number;
  cli2Kb: number;
  kubeconfigScanMs: { median: number; max: number };
  cli2ScanMs: { median: number; max: number };
  coreScanMs: { median: number; max: number };
  coreRescanUnchangedMs: { median: number; max: number };
  rewriteOneUserMs: { median: number; max: number };
  findings: number;
}

async function timed(runs: number, body: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body();
    out.push(performance.now() - started);
  }
  return out;
}

export async function run(): Promise<PlaintextFigures> {
  const home = mkdtempSync(path.join(tmpdir(), 'plaintext-bench-'));
  try {
    const caData = Buffer.from(
      `-----BEGIN CERTIFICATE-----\n${'A'.repeat(1100)}\n-----END CERTIFICATE-----\n`,
    ).toString('base64');
    const kube = kubeconfigYaml(
      Array.from({ length: USERS }, (_, i) => ({
        name: `cluster-${i}`,
        server: `https://rancher-${i % 50}.example.com/k8s/clusters/c-m-${String(i).padStart(8, '0')}`,
        token: bearerFor(`kubeconfig-user-abcde.c-m-${String(i).padStart(8, '0')}x`),
        caData,
      })),
    );
    const cli2 = cli2Json(
      Array.from({ length: SERVERS }, (_, i) => ({
        name: `rancher-${i}`,
        url: `https://rancher-${i}.example.com`,
        bearer: bearerFor(tokenName()),
        kubeCredentials: {
          [`user-abcde_c-m-${i}`]: {
            token: bearerFor(`kubeconfig-user-abcde.c-m-${i}x`),
            expires: '2030-01-01T00:00:00Z',
          },
        },
      })),
    );
    await mkdir(path.join(home, '.kube'), { recursive: true });
    await mkdir(path.join(home, '.rancher'), { recursive: true });
    const kubeFile = path.join(home, '.kube', 'config');
    await writeFile(kubeFile, kube, { mode: 0o600 });
    const cli2File = path.join(home, '.rancher', 'cli2.json');
    await writeFile(cli2File, cli2, { mode: 0o600 });
    const places = knownPlaces({ home, env: {} }, new Map());
    const hasher = createSecretHasher();
    const kubeOnly = places.filter((p) => p.kind === 'kubeconfig');
    const cliOnly = places.filter((p) => p.kind === 'cli2');
    await scanPlaces(places, { home, hasher }); // warm-up
    const kubeconfigScan = await timed(RUNS, () => scanPlaces(kubeOnly, { home, hasher }));
    const cli2Scan = await timed(RUNS, () => scanPlaces(cliOnly, { home, hasher }));

    const t = createTestCore({ secrets: createMemorySecretStore(), dataDir: home, keep: true });
    await t.ready();
    let findings = 0;
    const coreScanOnce = async () => {
      const result = await t.dispatch('plaintext:scan', {});
      if (!result.ok) throw new Error(result.error.message);
      findings = (result.value as { findings: unknown[] }).findings.length;
    };
    let touched = Date.now();
    // A new modification time each run: the core's scan cache must read both files again.
    const coreScan = await timed(RUNS, async () => {
      touched += 1000;
      const at = new Date(touched);
      await utimes(kubeFile, at, at);
      await utimes(cli2File, at, at);
      await coreScanOnce();
    });
    // Files unchanged since the last run: what a where-used lookup or a rescan costs.
    const coreRescan = await timed(RUNS, coreScanOnce);
    await t.close();

    const exec = buildExecUser({
      self: { command: '/usr/bin/rancher-keys', args: [] },
      server: 'https://rancher-1.example.com',
      key: 'token-abcde',
      dataDir: null,
      keychainService: null,
    });
    const rewrite = await timed(3, () =>
      rewriteKubeconfig(kube, [{ user: `cluster-${USERS / 2}`, exec }]),
    );
    return {
      kubeconfigMb: Math.round(((await stat(kubeFile)).size / 1024 / 1024) * 10) / 10,
      cli2Kb: Math.round(Buffer.byteLength(cli2) / 1024),
      kubeconfigScanMs: medianMax(kubeconfigScan),
      cli2ScanMs: medianMax(cli2Scan),
      coreScanMs: medianMax(coreScan),
      coreRescanUnchangedMs: medianMax(coreRescan),
      rewriteOneUserMs: medianMax(rewrite),
      findings,
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
