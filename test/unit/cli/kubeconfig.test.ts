import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildExecUser,
  defaultKubeconfigPath,
  kubeconfigYaml,
  mergeKubeconfig,
  type KubeconfigEntry,
} from '../../../electron/core/kubeconfig/kubeconfig-file';
import {
  credentialHelperBeside,
  credentialHelperName,
} from '../../../electron/core/kubeconfig/credential-helper';
import { bundledCommandLine } from '../../../electron/main/lifecycle/bundled-command-line';

const entry = (name = 'prod-local'): KubeconfigEntry => ({
  name,
  clusterUrl: 'https://rancher.example.com/k8s/clusters/local',
  caPem: '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n',
  exec: buildExecUser({
    self: { command: '/opt/rk/rancher-keys', args: [] },
    server: 'https://rancher.example.com',
    key: 'token-abc12',
    dataDir: null,
    keychainService: null,
  }),
});

interface Config {
  clusters: Array<{ name: string; cluster: Record<string, string> }>;
  users: Array<{
    name: string;
    user: { exec?: { command: string; args: string[]; apiVersion: string } };
  }>;
  contexts: Array<{ name: string }>;
  'current-context'?: string;
}

describe('kubeconfig', () => {
  it('builds an exec user that runs kubectl-credential by absolute path, with no token', () => {
    const config = parse(kubeconfigYaml(entry())) as Config;
    expect(config.users[0]?.user.exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
      command: '/opt/rk/rancher-keys',
      args: [
        'kubectl-credential',
        '--server',
        'https://rancher.example.com',
        '--key',
        'token-abc12',
      ],
    });
    expect(config.clusters[0]?.cluster['certificate-authority-data']).toBe(
      Buffer.from(entry().caPem!).toString('base64'),
    );
    expect(config['current-context']).toBe('prod-local');
  });

  it('adds data dir and keychain service only when they are not the defaults', () => {
    const exec = buildExecUser({
      self: { command: '/usr/bin/node', args: ['/src/dist/cli/rancher-keys.cjs'] },
      server: 'https://r',
      key: null,
      dataDir: '/tmp/demo',
      keychainService: 'rancher-keys-demo',
    });
    expect(exec.args).toEqual([
      '/src/dist/cli/rancher-keys.cjs',
      'kubectl-credential',
      '--server',
      'https://r',
      '--data-dir',
      '/tmp/demo',
      '--keychain-service',
      'rancher-keys-demo',
    ]);
  });

  it('runs the native credential helper by absolute path when there is one, with the same arguments', () => {
    const exec = buildExecUser({
      self: {
        command: '/usr/bin/node',
        args: ['/src/dist/cli/rancher-keys.cjs'],
        credentialHelper: '/src/dist/cli/rancher-keys-credential',
      },
      server: 'https://r',
      key: 'token-abc12',
      dataDir: '/tmp/demo',
      keychainService: null,
    });
    expect(exec.command).toBe('/src/dist/cli/rancher-keys-credential');
    expect(exec.args).toEqual([
      '--server',
      'https://r',
      '--key',
      'token-abc12',
      '--data-dir',
      '/tmp/demo',
    ]);
  });

  it('finds the helper beside the command (installers: resources/bin; checkout: dist/cli), else none', () => {
    const present = new Set(['/opt/rk/resources/bin/rancher-keys-credential']);
    const exists = (file: string) => present.has(file);
    expect(credentialHelperBeside('/opt/rk/resources/bin/rancher-keys', 'linux', exists)).toBe(
      '/opt/rk/resources/bin/rancher-keys-credential',
    );
    expect(credentialHelperBeside('/src/dist/cli/rancher-keys.cjs', 'linux', exists)).toBeNull();
    expect(credentialHelperName('win32')).toBe('rancher-keys-credential.exe');
    expect(bundledCommandLine('/opt/rk/resources', true, 'linux', exists)?.credentialHelper).toBe(
      '/opt/rk/resources/bin/rancher-keys-credential',
    );
    expect(bundledCommandLine('/opt/rk/resources', true, 'linux', () => false)).toEqual({
      command: '/opt/rk/resources/bin/rancher-keys',
      args: [],
      credentialHelper: null,
    });
  });

  it('replaces its own entries by name, keeps others and comments, and switches context only when asked', () => {
    const before =
      '# mine\nclusters:\n- name: other # keep\n  cluster: {server: "https://o"}\nusers: null\ncontexts: []\ncurrent-context: other\n';
    const once = mergeKubeconfig(before, entry(), false);
    const twice = mergeKubeconfig(once, entry(), false);
    expect(twice).toBe(once);
    expect(once).toContain('# mine');
    expect(once).toContain('# keep');
    const config = parse(once) as Config;
    expect(config.clusters.map((c) => c.name)).toEqual(['other', 'prod-local']);
    expect(config.users.map((u) => u.name)).toEqual(['prod-local']);
    expect(config['current-context']).toBe('other');
    expect((parse(mergeKubeconfig(once, entry(), true)) as Config)['current-context']).toBe(
      'prod-local',
    );
  });

  it('refuses to touch a file that is not a kubeconfig', () => {
    expect(() => mergeKubeconfig('clusters: {a: 1}\n', entry(), false)).toThrow(/not a list/);
    expect(() => mergeKubeconfig('a: [\n', entry(), false)).toThrow(/not valid YAML/);
    expect(() => mergeKubeconfig('- 1\n', entry(), false)).toThrow(/not a YAML mapping/);
  });

  it('merges into the first file of $KUBECONFIG, else ~/.kube/config', () => {
    expect(defaultKubeconfigPath({ KUBECONFIG: '/a/one:/b/two' }, '/home/u')).toBe('/a/one');
    expect(defaultKubeconfigPath({}, '/home/u')).toBe('/home/u/.kube/config');
  });
});
