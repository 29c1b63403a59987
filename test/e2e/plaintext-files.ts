import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RancherSim } from '../rancher-sim';
import { cli2Json, kubeconfigYaml } from '../support/plaintext-fixtures';

const DAY = 86_400_000;

/** The tokens the fixture files hold, as the simulator issued them (generated secrets). */
export interface PlaintextTokens {
  /** The Rancher CLI's login key (cli2.json `rancherDefault`). */
  cliKey: { name: string; bearer: string };
  /** A kubeconfig token for the local cluster (kubeconfig user `rancher-local`). */
  kubeconfig: { name: string; bearer: string };
  /** An expired API key (kubeconfig user `old-script`): listed, not imported. */
  expired: { name: string; bearer: string };
}

/** The files as written, to compare bytes after an undo. */
export interface PlaintextFiles {
  cli2Path: string;
  kubeconfigPath: string;
  cli2: string;
  kubeconfig: string;
  tokens: PlaintextTokens;
}

/**
 * Writes the Rancher CLI's `cli2.json` and a kubeconfig under `home` (`.rancher/cli2.json`,
 * `.kube/config`, where the core's scanner looks for a home of `home`), shaped as the CLI and
 * kubectl write them (rancher-api.md §8.1; test/support/plaintext-fixtures.ts), pointing at the
 * simulator, with tokens it issues now (generated secrets).
 */
export function writePlaintextFiles(home: string, sim: RancherSim): PlaintextFiles {
  const user = sim.admin.id;
  const now = sim.clock.now();
  const tokens: PlaintextTokens = {
    cliKey: sim.state.addToken({ user, description: 'rancher cli', ttlMs: 30 * DAY }),
    kubeconfig: sim.state.addToken({ user, kind: 'kubeconfig', ttlMs: 30 * DAY }),
    expired: sim.state.addToken({
      user,
      description: 'old script',
      ttlMs: 7 * DAY,
      createdMs: now - 9 * DAY,
    }),
  };
  const cli2 = cli2Json([
    { name: 'rancherDefault', url: sim.url, bearer: tokens.cliKey.bearer, cacert: sim.caPem ?? '' },
  ]);
  const caData = Buffer.from(sim.caPem ?? '').toString('base64');
  const server = `${sim.url}/k8s/clusters/local`;
  const kubeconfig = kubeconfigYaml([
    { name: 'rancher-local', server, token: tokens.kubeconfig.bearer, caData },
    { name: 'old-script', server, token: tokens.expired.bearer, caData },
  ]);
  const cli2Path = path.join(home, '.rancher', 'cli2.json');
  const kubeconfigPath = path.join(home, '.kube', 'config');
  mkdirSync(path.dirname(cli2Path), { recursive: true, mode: 0o700 });
  mkdirSync(path.dirname(kubeconfigPath), { recursive: true, mode: 0o700 });
  writeFileSync(cli2Path, cli2, { mode: 0o600 });
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });
  return { cli2Path, kubeconfigPath, cli2, kubeconfig, tokens };
}
