import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload, Output } from '../../../electron/contract/ipc';
import { keyAccount } from '../../../electron/core/vault/keychain-accounts';
import { startRancherSim, type IssuedToken, type RancherSim } from '../../rancher-sim';
import { bearerFor, cli2Json, kubeconfigYaml, tokenName } from '../../support/plaintext-fixtures';
import { startRig, type Rig } from '../keys/harness';

const DAY = 86_400_000;

// The Plaintext check's import over the real core, the real keychain and simulators: one the app
// is signed in to, one it does not know (plain HTTP), one over HTTPS whose CA the file carries,
// and one over HTTPS with no CA anywhere (the trust dialog's case).
describe('plaintext import', () => {
  let rig: Rig;
  let other: RancherSim;
  let withCa: RancherSim;
  let untrusted: RancherSim;
  const tokens: Record<string, IssuedToken> = {};
  let scan: Output<'plaintext:scan'>;
  const progress: Array<EventPayload<'plaintext:progress'>> = [];

  beforeAll(async () => {
    rig = await startRig({
      autoPurge: false,
      prepare: (sim) => {
        const now = sim.clock.now();
        const bob = sim.state.addUser({ username: 'bob', password: 'bob-password-123456' });
        tokens.good = sim.state.addToken({ user: sim.admin.id, description: 'cli login' });
        tokens.kube = sim.state.addToken({ user: sim.admin.id, kind: 'kubeconfig' });
        tokens.expired = sim.state.addToken({
          user: sim.admin.id,
          ttlMs: DAY,
          createdMs: now - 2 * DAY,
        });
        tokens.bobs = sim.state.addToken({ user: bob.id });
      },
    });
    other = await startRancherSim();
    tokens.other = other.state.addToken({ user: other.admin.id });
    withCa = await startRancherSim({ tls: true });
    tokens.withCa = withCa.state.addToken({ user: withCa.admin.id });
    untrusted = await startRancherSim({ tls: true });
    tokens.untrusted = untrusted.state.addToken({ user: untrusted.admin.id });
    const home = rig.t.dataDir;
    await mkdir(path.join(home, '.rancher'), { recursive: true });
    await writeFile(
      path.join(home, '.rancher', 'cli2.json'),
      cli2Json([
        { name: 'rancherDefault', url: rig.sim.url, bearer: tokens.good!.bearer },
        { name: 'expired', url: rig.sim.url, bearer: tokens.expired!.bearer },
        { name: 'bobs', url: rig.sim.url, bearer: tokens.bobs!.bearer },
        { name: 'deleted', url: rig.sim.url, bearer: bearerFor(tokenName()) },
        { name: 'other', url: other.url, bearer: tokens.other.bearer },
        { name: 'ca', url: withCa.url, bearer: tokens.withCa.bearer, cacert: withCa.caPem! },
        { name: 'untrusted', url: untrusted.url, bearer: tokens.untrusted.bearer },
        { name: 'nowhere', url: 'http://127.0.0.1:9', bearer: bearerFor(tokenName()) },
      ]),
      { mode: 0o600 },
    );
    await mkdir(path.join(home, '.kube'), { recursive: true });
    await writeFile(
      path.join(home, '.kube', 'config'),
      kubeconfigYaml([
        { name: 'local', server: `${rig.sim.url}/k8s/clusters/local`, token: tokens.kube!.bearer },
        // the CLI's login key again, in a kubeconfig: one import, two places
        { name: 'again', server: `${rig.sim.url}/k8s/clusters/local`, token: tokens.good!.bearer },
      ]),
      { mode: 0o600 },
    );
    rig.t.core.subscribe((event, payload) => {
      if (event === 'plaintext:progress') {
        progress.push(payload as EventPayload<'plaintext:progress'>);
      }
    });
    scan = await rig.call('plaintext:scan', {});
  });
  afterAll(async () => {
    await rig?.close();
    await other?.close();
    await withCa?.close();
    await untrusted?.close();
  });

  const byEntry = (entry: string) => {
    const found = scan.findings.find((f) => f.place.entry === entry);
    if (!found) throw new Error(`no finding for ${entry}`);
    return found;
  };

  it('finds every token, knows which servers it has, and shows no secret', () => {
    expect(scan.findings).toHaveLength(10);
    expect(byEntry('rancherDefault')).toMatchObject({ serverKnown: true, alreadyHeld: false });
    expect(byEntry('other')).toMatchObject({ serverKnown: false, serverUrl: other.url });
    expect(byEntry('ca')).toMatchObject({ hasCa: true });
    expect(byEntry('local')).toMatchObject({ tokenKind: 'kubeconfig', clusterId: 'local' });
    const text = JSON.stringify(scan);
    for (const t of Object.values(tokens)) expect(text).not.toContain(t.secret);
  });

  it('imports what verifies, lists the rest with the reason, and goes on after failures', async () => {
    const output = await rig.call('plaintext:import', {
      jobId: 'import-job-1',
      scanId: scan.scanId,
      findingIds: scan.findings.map((f) => f.findingId),
    });
    const outcome = Object.fromEntries(
      output.results.map((r) => [
        scan.findings.find((f) => f.findingId === r.findingId)!.place.entry,
        r.outcome,
      ]),
    );
    expect(outcome).toEqual({
      rancherDefault: 'imported',
      again: 'imported',
      local: 'imported',
      expired: 'expired',
      bobs: 'not_owner',
      deleted: 'revoked',
      other: 'imported',
      ca: 'imported',
      untrusted: 'untrusted',
      nowhere: 'unreachable',
    });
    const untrustedResult = output.results.find((r) => r.outcome === 'untrusted');
    expect(untrustedResult?.certificate?.fingerprint256).toMatch(/^[0-9A-F:]+$/);
    expect(output.addedServerIds).toHaveLength(2);
    expect(output.cancelled).toBe(false);

    // The secrets are in the keychain, under the keys' own accounts.
    expect(await rig.t.secrets.get(keyAccount(rig.sim.url, tokens.good!.name))).toBe(
      tokens.good!.bearer,
    );
    expect(await rig.t.secrets.get(keyAccount(other.url, tokens.other!.name))).toBe(
      tokens.other!.bearer,
    );
    const servers = await rig.call('servers:list', {});
    expect(servers.servers.find((s) => s.origin === withCa.url)?.hasCustomCa).toBe(true);

    expect(progress.at(-1)).toEqual({ jobId: 'import-job-1', done: 10, total: 10, failed: 5 });
    const activity = await rig.call('activity:list', { action: 'import' });
    expect(activity.entries.filter((e) => e.outcome === 'ok')).toHaveLength(5);
    for (const t of Object.values(tokens)) {
      expect(JSON.stringify(output)).not.toContain(t.secret);
      expect(rig.t.log.lines.join('\n')).not.toContain(t.secret);
      expect(JSON.stringify(activity)).not.toContain(t.secret);
    }
  });

  it('sees the imported tokens as held on the next check, and where each key is used', async () => {
    const again = await rig.call('plaintext:scan', {});
    const held = again.findings.filter((f) => f.alreadyHeld).map((f) => f.place.entry);
    expect(held.sort()).toEqual(['again', 'ca', 'local', 'other', 'rancherDefault']);
    const used = await rig.call('keys:whereUsed', {
      serverId: rig.serverId,
      keyId: tokens.good!.name,
    });
    expect(used.places.map((p) => [p.fileKind, p.how, p.place.entry]).sort()).toEqual([
      ['cli2', 'found', 'rancherDefault'],
      ['kubeconfig', 'found', 'again'],
    ]);
  });

  it('answers already_held for a token the app holds, and refuses an unknown scan', async () => {
    const again = await rig.call('plaintext:scan', {});
    const output = await rig.call('plaintext:import', {
      jobId: 'import-job-2',
      scanId: again.scanId,
      findingIds: [again.findings.find((f) => f.place.entry === 'rancherDefault')!.findingId],
    });
    expect(output.results.map((r) => r.outcome)).toEqual(['already_held']);
    const error = await rig.fail('plaintext:import', {
      jobId: 'import-job-3',
      scanId: 'scan-gone',
      findingIds: ['x'],
    });
    expect(error.code).toBe('not_found');
  });
});
