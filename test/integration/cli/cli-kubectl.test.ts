import { statSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAccount } from '../../../electron/core/vault/keychain-accounts';
import { startRig, type Rig } from '../keys/harness';
import {
  buildCli,
  cliEnv,
  filesHoldingSecrets,
  makeHome,
  runProgram,
  type CliBuild,
} from './cli-runner';
import { countingKubeconfig, kubectlsOf, pluginRuns } from './kubectl-runs';

const DAY = 86_400_000;
const KUBECTL = '/usr/bin/kubectl';
// The single executable takes a while to build; RANCHER_KEYS_CLI_KINDS=bundle skips it locally.
// `native`: the kubeconfigs run the Go credential helper (native/credential) instead.
const kinds = (process.env.RANCHER_KEYS_CLI_KINDS ?? 'bundle,sea,native').split(',') as Array<
  CliBuild['kind']
>;

describe.each(kinds)('rancher-keys (%s) as kubectl credential plugin', (kind) => {
  let rig: Rig;
  let cli: CliBuild;
  let home: { home: string; remove(): Promise<void> };
  let env: NodeJS.ProcessEnv;
  let keyId: string;
  const bearers: string[] = [];
  const kubeconfig = () => path.join(home.home, 'prod.kubeconfig');

  const rk = (...args: string[]) => runProgram([...cli.prefix, ...args], env);
  const kubectl = (...args: string[]) => runProgram([KUBECTL, ...args], env);
  const usedTokens = (clusterPath: string) =>
    rig.sim.requests
      .filter((r) => r.url.startsWith(clusterPath))
      .map(
        (r) =>
          String(r.headers.authorization ?? '')
            .replace(/^Bearer /, '')
            .split(':')[0],
      );

  async function bearerOf(id: string): Promise<string> {
    const bearer = await rig.t.secrets.get(keyAccount(rig.sim.origin, id));
    if (!bearer) throw new Error(`no secret for ${id}`);
    bearers.push(bearer);
    return bearer;
  }

  beforeAll(async () => {
    [rig, cli] = await Promise.all([
      startRig({ tls: true, trustCa: true, version: '2.13' }),
      buildCli(kind),
    ]);
    rig.sim.state.addCluster({ id: 'c-m-prod1234', name: 'prod' });
    home = makeHome();
    env = cliEnv(home.home, rig.t);
    const created = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'kubectl',
      expiry: { kind: 'duration', ms: 30 * DAY },
    });
    keyId = created.key.id;
    await bearerOf(keyId);
    bearers.push(rig.sim.admin.token);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await cli?.remove();
    await home?.remove();
  });

  it('writes a kubeconfig that kubectl uses for get namespaces and version, with no token in it', async () => {
    const written = await rk(
      'kubeconfig',
      '--server',
      rig.sim.origin,
      '--cluster',
      'prod',
      '--key',
      keyId,
      '-o',
      kubeconfig(),
    );
    expect(written.stderr).toContain('Wrote');
    expect(written.code).toBe(0);
    const text = readFileSync(kubeconfig(), 'utf8');
    expect(text).toContain(`server: ${rig.sim.origin}/k8s/clusters/c-m-prod1234`);
    if (kind === 'native') {
      expect(text).toContain(`command: ${cli.credential[0]}`);
      expect(text).not.toContain('kubectl-credential');
    } else {
      expect(text).toContain('kubectl-credential');
      expect(text).not.toContain('rancher-keys-credential');
    }
    expect(text).toContain('certificate-authority-data');
    expect(statSync(kubeconfig()).mode & 0o777).toBe(0o600);

    const ns = await kubectl('--kubeconfig', kubeconfig(), 'get', 'namespaces');
    expect(ns.stderr).toBe('');
    expect(ns.code).toBe(0);
    expect(ns.stdout).toMatch(/^NAME\s+STATUS\s+AGE/);
    expect(ns.stdout).toContain('kube-system');
    expect(usedTokens('/k8s/clusters/c-m-prod1234/api/v1/namespaces')).toContain(keyId);

    const version = await kubectl('--kubeconfig', kubeconfig(), 'version', '-o', 'json');
    expect(version.code).toBe(0);
    expect(
      (JSON.parse(version.stdout) as { serverVersion: { gitVersion: string } }).serverVersion
        .gitVersion,
    ).toBe('v1.31.4+rke2r1');
  });

  it("prints an ExecCredential with the token and the key's expiry as expirationTimestamp", async () => {
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    const expiresAt = keys.find((k) => k.id === keyId)?.expiresAt;
    if (!expiresAt) throw new Error('the key has no expiry');
    for (const apiVersion of [
      'client.authentication.k8s.io/v1',
      'client.authentication.k8s.io/v1beta1',
    ]) {
      const run = await runProgram(
        [...cli.credential, '--server', rig.sim.origin, '--key', keyId],
        {
          ...env,
          KUBERNETES_EXEC_INFO: JSON.stringify({
            kind: 'ExecCredential',
            apiVersion,
            spec: { interactive: false },
          }),
        },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const credential = JSON.parse(run.stdout) as {
        apiVersion: string;
        kind: string;
        status: { token: string; expirationTimestamp: string };
      };
      expect(credential.apiVersion).toBe(apiVersion);
      expect(credential.kind).toBe('ExecCredential');
      expect(credential.status.token).toBe(bearers[0]);
      // RFC 3339 in whole seconds, as client-go reads it: kubectl keeps the token until then.
      expect(credential.status.expirationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(credential.status.expirationTimestamp)).toBe(
        Math.floor(Date.parse(expiresAt) / 1000) * 1000,
      );
    }
  });

  it('answers kubectl-credential mistakes with one line and the usual exit codes', async () => {
    const rk = (...args: string[]) => runProgram([...cli.credential, ...args], env);
    const missing = await rk();
    expect(missing.code).toBe(64);
    expect(missing.stderr).toBe(
      'rancher-keys: kubectl-credential needs --server. See rancher-keys kubectl-credential --help.\n',
    );
    const bogus = await rk('--server', rig.sim.origin, '--bogus');
    expect(bogus.code).toBe(64);
    expect(bogus.stderr).toBe(
      'rancher-keys: Unknown option --bogus. See rancher-keys kubectl-credential --help.\n',
    );
    const elsewhere = await rk('--server', 'nowhere.example');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^rancher-keys: There is no server "nowhere\.example" .*\n$/);
    const empty = await rk(
      '--server',
      rig.sim.origin,
      '--data-dir',
      path.join(home.home, 'no-such-dir'),
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^rancher-keys: Rancher Keys has no servers in .*no-such-dir/);
    const garbled = await runProgram(
      [...cli.credential, '--server', rig.sim.origin, '--key', keyId],
      { ...env, KUBERNETES_EXEC_INFO: '{"apiVersion":' },
    );
    expect(garbled.code).toBe(1);
    expect(garbled.stdout).toBe('');
    expect(garbled.stderr).toMatch(
      /^rancher-keys: KUBERNETES_EXEC_INFO is not the JSON kubectl sends/,
    );
  });

  it('is run once per kubectl process, which reuses the credential for all its requests', async () => {
    // Google Cloud SDK's kubectl dispatches: one process for /version, then the versioned kubectl.
    const { dispatchedTo } = await kubectlsOf(KUBECTL, '1.31');
    const counted = path.join(home.home, 'counted.kubeconfig');
    const counter = path.join(home.home, 'plugin-runs');
    countingKubeconfig(kubeconfig(), counted, counter);
    const clusterRequests = () =>
      rig.sim.requests.filter((r) => r.url.startsWith('/k8s/clusters/c-m-prod1234/')).length;

    const before = clusterRequests();
    // A fresh discovery cache, so that kubectl makes several requests (discovery, then the list).
    const cacheDir = path.join(home.home, 'fresh-cache');
    const ns = await kubectl('--kubeconfig', counted, '--cache-dir', cacheDir, 'get', 'namespaces');
    expect(ns.stderr).toBe('');
    expect(ns.code).toBe(0);
    expect(clusterRequests() - before).toBeGreaterThanOrEqual(4);
    expect(pluginRuns(counter)).toBe(dispatchedTo ? 2 : 1);

    if (dispatchedTo) {
      rmSync(counter);
      const direct = await runProgram(
        [
          dispatchedTo,
          '--kubeconfig',
          counted,
          '--cache-dir',
          `${cacheDir}-2`,
          'get',
          'namespaces',
        ],
        env,
      );
      expect(direct.code).toBe(0);
      expect(pluginRuns(counter)).toBe(1);
    }
  });

  it('merges into $KUBECONFIG keeping other entries and comments, after a 0600 backup', async () => {
    const file = path.join(home.home, 'merged-config');
    const before = [
      '# my clusters',
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: other # keep me',
      '  cluster:',
      '    server: https://other.example:6443',
      'users:',
      '- name: other',
      '  user:',
      '    token: not-ours',
      'contexts:',
      '- name: other',
      '  context: {cluster: other, user: other}',
      'current-context: other',
      '',
    ].join('\n');
    writeFileSync(file, before, { mode: 0o644 });
    const merged = await runProgram(
      [
        ...cli.prefix,
        'kubeconfig',
        '--cluster',
        'local',
        '--key',
        keyId,
        '--merge',
        '--name',
        'sim-local',
      ],
      { ...env, KUBECONFIG: `${file}${path.delimiter}${path.join(home.home, 'unused')}` },
    );
    expect(merged.stderr).toContain('Merged context "sim-local"');
    expect(merged.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# my clusters');
    expect(after).toContain('# keep me');
    expect(after).toContain('token: not-ours');
    expect(after).toContain('current-context: other');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const backups = readdirSync(home.home).filter((f) =>
      f.startsWith('merged-config.rancher-keys-backup-'),
    );
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(home.home, backups[0] as string), 'utf8')).toBe(before);
    expect(statSync(path.join(home.home, backups[0] as string)).mode & 0o777).toBe(0o600);

    const ns = await runProgram([KUBECTL, '--context', 'sim-local', 'get', 'namespaces'], {
      ...env,
      KUBECONFIG: file,
    });
    expect(ns.code).toBe(0);
    expect(ns.stdout).toContain('default');

    const used = await runProgram(
      [
        ...cli.prefix,
        'kubeconfig',
        '--cluster',
        'local',
        '--key',
        keyId,
        '--merge',
        '--use',
        '--name',
        'sim-local',
      ],
      { ...env, KUBECONFIG: file },
    );
    expect(used.code).toBe(0);
    const again = readFileSync(file, 'utf8');
    expect(again).toContain('current-context: sim-local');
    expect(again.match(/name: sim-local/g)).toHaveLength(3);
  });

  it('refuses a cluster-scoped key for another cluster and serves its own', async () => {
    const scoped = await rig.call('keys:create', {
      serverId: rig.serverId,
      description: 'prod only',
      expiry: { kind: 'duration', ms: 30 * DAY },
      clusterId: 'c-m-prod1234',
    });
    await bearerOf(scoped.key.id);
    const wrong = await rk('kubeconfig', '--cluster', 'local', '--key', scoped.key.id);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^rancher-keys: .*scoped to cluster c-m-prod1234.*\n$/);
    const file = path.join(home.home, 'scoped.kubeconfig');
    expect(
      (await rk('kubeconfig', '--cluster', 'c-m-prod1234', '--key', scoped.key.id, '-o', file))
        .code,
    ).toBe(0);
    expect((await kubectl('--kubeconfig', file, 'get', 'namespaces')).code).toBe(0);
  });

  it('keeps the same kubeconfig working after Renew, with the new key', async () => {
    const renewed = await rig.call('keys:renew', {
      serverId: rig.serverId,
      keyId,
      revokeOldAfterMs: 0,
    });
    await bearerOf(renewed.key.id);
    expect(renewed.key.handle).toBe(keyId);
    const ns = await kubectl('--kubeconfig', kubeconfig(), 'get', 'namespaces');
    expect(ns.stderr).toBe('');
    expect(ns.code).toBe(0);
    expect(usedTokens('/k8s/clusters/c-m-prod1234/api/v1/namespaces').at(-1)).toBe(renewed.key.id);
  });

  it('makes kubectl fail with our one-line message after Delete', async () => {
    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    const current = keys.find((k) => k.handle === keyId);
    expect(current).toBeDefined();
    await rig.call('keys:delete', { serverId: rig.serverId, keyIds: [current!.id] });
    const ns = await kubectl('--kubeconfig', kubeconfig(), 'get', 'namespaces');
    expect(ns.code).not.toBe(0);
    // kubectl runs the plugin again on failure; each run says the same one line.
    const ours = ns.stderr.split('\n').filter((l) => l.startsWith('rancher-keys:'));
    expect(ours.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ours).size).toBe(1);
    expect(ours[0]).toMatch(/in Rancher Keys/);
    expect(ns.stderr).not.toMatch(/\n\s+at /);
  });

  it('wrote no secret into any file it created', () => {
    expect(bearers.length).toBeGreaterThanOrEqual(4);
    expect(filesHoldingSecrets([home.home], bearers)).toEqual([]);
  });
});
