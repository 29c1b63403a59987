import { readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../scripts/build-cli.mjs';
import type { IssuedToken } from '../../rancher-sim';
import { kubeconfigYaml } from '../../support/plaintext-fixtures';
import { runProgram } from '../cli/cli-runner';
import { startRig, type Rig } from '../keys/harness';

// Renew "then update those places" over the real core, keychain and simulator (HTTPS with its
// own CA), then real kubectl with the updated kubeconfig after the old key is revoked.
describe('plaintext update places on renew', () => {
  let rig: Rig;
  let home: string;
  let kubeFile: string;
  let original: string;
  let issued: IssuedToken;
  let other: IssuedToken;

  beforeAll(async () => {
    [rig] = await Promise.all([
      startRig({
        tls: true,
        trustCa: true,
        prepare: (sim) => {
          issued = sim.state.addToken({ user: sim.admin.id, description: 'used by kubectl' });
          other = sim.state.addToken({ user: sim.admin.id, description: 'another key' });
        },
      }),
      bundleCli(),
    ]);
    home = rig.t.dataDir;
    const caData = Buffer.from(rig.sim.caPem!).toString('base64');
    kubeFile = path.join(home, '.kube', 'config');
    await mkdir(path.dirname(kubeFile), { recursive: true });
    original = kubeconfigYaml([
      {
        name: 'prod',
        server: `${rig.sim.origin}/k8s/clusters/local`,
        token: issued.bearer,
        caData,
      },
      {
        name: 'other',
        server: `${rig.sim.origin}/k8s/clusters/local`,
        token: other.bearer,
        caData,
      },
    ]);
    await writeFile(kubeFile, original);
    await chmod(kubeFile, 0o640);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('rewrites the kubeconfig holding the old key, renews, and kubectl reaches the server with the renewal', async () => {
    const scan = await rig.call('plaintext:scan', {});
    const imported = await rig.call('plaintext:import', {
      jobId: 'update-places-import',
      scanId: scan.scanId,
      findingIds: scan.findings.map((f) => f.findingId),
    });
    expect(imported.results.map((r) => r.outcome)).toEqual(['imported', 'imported']);
    const { serverId, keyId } = imported.results.find((r) => r.accessKey === issued.name)!;

    const update = await rig.call('plaintext:updatePlaces', { serverId: serverId!, keyId: keyId! });
    expect(update.left).toEqual([]);
    expect(update.updated.map((u) => [u.path, u.changed])).toEqual([['~/.kube/config', 1]]);
    const text = readFileSync(kubeFile, 'utf8');
    expect(text).not.toContain(issued.secret);
    expect(text).toContain('kubectl-credential');
    // Only this key's places change: the other key imported from the same file stays as it was.
    expect(text).toContain(other.bearer);
    expect(statSync(kubeFile).mode & 0o777).toBe(0o640);
    const backup = path.join(home, update.updated[0]!.backupPath.slice(2));
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup, 'utf8')).toBe(original);
    expect(JSON.stringify(update)).not.toContain(issued.secret);

    const renewed = await rig.call('keys:renew', {
      serverId: serverId!,
      keyId: keyId!,
      revokeOldAfterMs: 0,
    });
    expect(renewed.oldRevokeAt).toBeNull();
    // The old secret no longer works; kubectl gets the renewal through rancher-keys.
    expect(rig.sim.state.tokens.has(keyId!)).toBe(false);
    const ns = await runProgram(
      ['/usr/bin/kubectl', '--kubeconfig', kubeFile, '--context', 'prod', 'get', 'namespaces'],
      { ...process.env, HOME: home },
    );
    expect(ns.stderr).toBe('');
    expect(ns.stdout).toContain('kube-system');

    // Nothing holds the key any more: a second update finds nothing to do.
    const again = await rig.call('plaintext:updatePlaces', {
      serverId: serverId!,
      keyId: renewed.key.id,
    });
    expect(again).toEqual({ updated: [], left: [] });
  });
});
