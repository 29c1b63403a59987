import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../scripts/build-cli.mjs';
import { keyAccount } from '../../../electron/core/vault/keychain-accounts';
import { startRig, type Rig } from '../keys/harness';
import { filesHoldingSecrets, runProgram } from './cli-runner';

const DAY = 86_400_000;

describe('"Use with kubectl…" (kubectl:kubeconfig) through the core', () => {
  let rig: Rig;
  let keyId: string;
  let bearer: string;

  beforeAll(async () => {
    // The bridge's core runs the checkout's bundle as the command (test/bridge/compose.ts).
    [rig] = await Promise.all([startRig({ tls: true, trustCa: true }), bundleCli()]);
    const { key } = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'window kubectl',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    keyId = key.id;
    bearer = (await rig.t.secrets.get(keyAccount(rig.sim.origin, keyId))) ?? '';
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  });

  it('describes the command without writing anything when not asked to merge', async () => {
    const out = await rig.call('kubectl:kubeconfig', {
      serverId: rig.serverId,
      keyId,
      clusterId: 'local',
      use: true,
    });
    expect(out.merged).toBeNull();
    expect(out.command).toBe(
      `rancher-keys kubeconfig --server ${rig.sim.origin} --cluster local --key ${keyId} --merge --use`,
    );
  });

  it('merges a context that kubectl uses, with no token in the file', async () => {
    const out = await rig.call('kubectl:kubeconfig', {
      serverId: rig.serverId,
      keyId,
      clusterId: 'local',
      merge: true,
      use: true,
    });
    const file = path.join(rig.t.dataDir, '.kube', 'config');
    expect(out.merged).toEqual({ file, backup: null });
    expect(readFileSync(file, 'utf8')).toContain(`current-context: ${out.context}`);
    const ns = await runProgram(['/usr/bin/kubectl', '--kubeconfig', file, 'get', 'namespaces'], {
      ...process.env,
      HOME: rig.t.dataDir,
    });
    expect(ns.stderr).toBe('');
    expect(ns.stdout).toContain('kube-system');
    expect(filesHoldingSecrets([path.join(rig.t.dataDir, '.kube')], [bearer])).toEqual([]);
  });

  it('refuses a cluster the server does not have', async () => {
    const error = await rig.fail('kubectl:kubeconfig', {
      serverId: rig.serverId,
      keyId,
      clusterId: 'c-m-nothere1',
      merge: true,
    });
    expect(error.code).toBe('not_found');
  });

  it('reports that a development build has no command to install', async () => {
    const status = await rig.call('cli:status', {});
    expect(status).toMatchObject({ available: false, installed: false });
    expect((await rig.fail('cli:install', {})).code).toBe('invalid_input');
  });
});
