import { describe, expect, it } from 'vitest';
import { buildExecUser } from '../../../../electron/core/kubeconfig/kubeconfig-file';
import { rewriteCli2, rewriteKubeconfig } from '../../../../electron/core/plaintext/file-rewrites';
import {
  bearerFor,
  cli2Json,
  kubeconfigYaml,
  tokenName,
} from '../../../support/plaintext-fixtures';

const exec = buildExecUser({
  self: { command: '/usr/bin/rancher-keys', args: [] },
  server: 'https://rancher.example.com',
  key: 'token-abcde',
  dataDir: null,
  keychainService: null,
});

/** The text of one `- name: "<name>"` list item, up to the next item or section. */
function item(text: string, section: string, name: string): string {
  const body = text.slice(text.indexOf(`\n${section}:\n`));
  const start = body.indexOf(`- name: "${name}"`);
  const rest = body.slice(start + 1);
  const end = rest.search(/\n(- |\S)/);
  return body.slice(start, start + 1 + end);
}

// kubectl's own layout (`kubectl config set-credentials` output): sorted keys, unquoted.
const kubectlStyle = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${'QUJD'.repeat(300)}
    server: https://rancher.example.com/k8s/clusters/c-m-abcde
  name: prod
contexts:
- context:
    cluster: prod
    namespace: default
    user: prod
  name: prod
current-context: prod
kind: Config
preferences: {}
users:
- name: other
  user:
    client-certificate-data: ${'REVG'.repeat(200)}
    client-key-data: ${'R0hJ'.repeat(200)}
- name: prod
  user:
    token: token-abcde:${'x'.repeat(54)}
`;

describe('rewriteKubeconfig', () => {
  it('swaps the token for the exec entry and leaves every other byte of kubectl’s layout alone', () => {
    const out = rewriteKubeconfig(kubectlStyle, [{ user: 'prod', exec }]);
    expect(out).not.toContain('token-abcde:');
    const [head, tail] = [
      kubectlStyle.split('- name: prod\n  user:\n')[0]!,
      out.split('- name: prod\n  user:\n'),
    ];
    expect(tail[0]).toBe(head);
    expect(tail[1]).toBe(
      [
        '    exec:',
        '      apiVersion: client.authentication.k8s.io/v1',
        '      command: /usr/bin/rancher-keys',
        '      args:',
        '      - kubectl-credential',
        '      - --server',
        '      - https://rancher.example.com',
        '      - --key',
        '      - token-abcde',
        '      interactiveMode: Never',
        '      provideClusterInfo: false',
        `      installHint: '${exec.installHint}'`,
        '',
      ].join('\n'),
    );
  });

  it('keeps Rancher’s quoted layout, comments and the untouched users byte for byte', () => {
    const users = Array.from({ length: 5 }, (_, i) => ({
      name: `c${i}`,
      server: `https://rancher.example.com/k8s/clusters/c-m-0000${i}`,
      token: bearerFor(tokenName()),
    }));
    const text = kubeconfigYaml(users);
    const out = rewriteKubeconfig(text, [{ user: 'c2', exec }]);
    expect(out.startsWith('# written by a test')).toBe(true);
    for (const u of users.filter((u) => u.name !== 'c2')) {
      expect(item(out, 'users', u.name)).toBe(item(text, 'users', u.name));
    }
    const sections = (t: string) => t.slice(0, t.indexOf('\nusers:\n'));
    expect(sections(out)).toBe(sections(text));
    expect(out.slice(out.indexOf('\ncontexts:\n'))).toBe(text.slice(text.indexOf('\ncontexts:\n')));
    expect(out).not.toContain(users[2]!.token);
  });

  it('replaces only the bytes of the token pair: spacing, comments and later fields stay', () => {
    const before = [
      'apiVersion:   v1   # kept as typed',
      'users:',
      '- name: prod',
      '  user:',
      "    # the token below is Rancher's",
      `    token:    "token-abcde:${'x'.repeat(54)}"   # trailing note`,
      '    username:  someone',
      '- name:   other',
      '  user: {username: x}',
      'current-context:    prod',
      '',
    ].join('\n');
    const out = rewriteKubeconfig(before, [{ user: 'prod', exec }]);
    const start = before.indexOf('token:');
    const end = before.indexOf('"   # trailing') + 1;
    const execLines = out.slice(start, out.indexOf('   # trailing note'));
    expect(out).toBe(before.slice(0, start) + execLines + before.slice(end));
    expect(execLines.split('\n')[0]).toBe('exec:');
    expect(
      execLines
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('      ')),
    ).toBe(true);
    expect(out).not.toContain('token-abcde:');
  });

  it('keeps CRLF line endings and an indented list layout', () => {
    const before = [
      'apiVersion: v1',
      'users:',
      '  - name: other',
      '    user:',
      '      username: someone',
      '  - name: prod',
      '    user:',
      `      token: token-abcde:${'x'.repeat(54)}`,
      'kind: Config',
      '',
    ].join('\r\n');
    const out = rewriteKubeconfig(before, [{ user: 'prod', exec }]);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const start = before.indexOf('token: ');
    expect(out.slice(0, start)).toBe(before.slice(0, start));
    expect(out.endsWith(`'\r\nkind: Config\r\n`)).toBe(true);
    expect(out).toContain('\r\n        args:\r\n          - kubectl-credential\r\n');
  });

  it('rewrites a flow-style user through the document model, still checked', () => {
    const before = `users: [{name: prod, user: {token: "token-abcde:${'x'.repeat(54)}"}}]\n`;
    const out = rewriteKubeconfig(before, [{ user: 'prod', exec }]);
    expect(out).not.toContain('token-abcde:');
    expect(out).toContain('kubectl-credential');
  });

  it('refuses a file that reads two ways (two "users" lists) instead of guessing', () => {
    const twice = `${kubectlStyle}users:\n- name: prod\n  user:\n    token: token-fghij:${'y'.repeat(54)}\n`;
    expect(() => rewriteKubeconfig(twice, [{ user: 'prod', exec }])).toThrow(/read back/);
  });

  it('refuses a file whose user disappeared', () => {
    expect(() => rewriteKubeconfig(kubectlStyle, [{ user: 'gone', exec }])).toThrow(/no longer/);
  });
});

describe('rewriteCli2', () => {
  it('clears the login key and a cached credential, keeping the CLI’s one-line layout and the rest', () => {
    const login = bearerFor(tokenName());
    const kube = bearerFor('kubeconfig-user-abcde');
    const text = cli2Json([
      { name: 'rancherDefault', url: 'https://a.example.com', bearer: login },
      {
        name: 'a.example.com',
        url: '',
        kubeCredentials: { 'user-abcde_': { token: kube, expires: '2030-01-01T00:00:00Z' } },
      },
      {
        name: 'untouched',
        url: 'https://b.example.com',
        bearer: bearerFor(tokenName()),
        cacert: '-----BEGIN CERTIFICATE-----\nABC\n-----END CERTIFICATE-----\n',
      },
    ]);
    const out = rewriteCli2(text, [
      { kind: 'remove_secret', entry: 'rancherDefault' },
      { kind: 'remove_kube_credential', entry: 'a.example.com', credential: 'user-abcde_' },
    ]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toContain(login.split(':')[1]);
    expect(out).not.toContain(kube.split(':')[1]);
    const parsed = JSON.parse(out) as { Servers: Record<string, Record<string, unknown>> };
    expect(parsed.Servers.rancherDefault).toMatchObject({
      accessKey: '',
      secretKey: '',
      tokenKey: '',
      url: 'https://a.example.com',
    });
    expect(parsed.Servers['a.example.com']?.kubeCredentials).toEqual({ 'user-abcde_': null });
    const untouched = (t: string) => t.slice(t.indexOf('"untouched"'));
    expect(untouched(out)).toBe(untouched(text));
  });

  it('keeps a hand-indented file indented', () => {
    const text = `${JSON.stringify(JSON.parse(cli2Json([{ name: 'x', url: 'https://x.example.com', bearer: bearerFor(tokenName()) }])), null, 2)}\n`;
    const out = rewriteCli2(text, [{ kind: 'remove_secret', entry: 'x' }]);
    expect(out).toMatch(/^\{\n {2}"Servers": \{\n {4}"x": \{\n/);
  });
});
