import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileIdFor, knownPlaces } from '../../../../electron/core/plaintext/plaintext-places';
import { scanPlaces, toFinding } from '../../../../electron/core/plaintext/plaintext-scan';
import { createSecretHasher } from '../../../../electron/core/plaintext/secret-hash';
import {
  bearerFor,
  cli2Json,
  kubeconfigYaml,
  tokenName,
} from '../../../support/plaintext-fixtures';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'plaintext-scan-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<string> {
  const file = path.join(home, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { mode: 0o600 });
  return file;
}

const scan = (env: Record<string, string> = {}, added = new Map<string, string>()) =>
  scanPlaces(knownPlaces({ home, env }, added), { home, hasher: createSecretHasher() });

describe('known places', () => {
  it('reads cli2.json from RANCHER_CONFIG_DIR and every $KUBECONFIG file, once each', () => {
    const places = knownPlaces(
      {
        home,
        env: {
          RANCHER_CONFIG_DIR: '/etc/rancher-cli',
          KUBECONFIG: [path.join(home, '.kube', 'config'), '/tmp/a.yaml', '', '/tmp/b.yaml'].join(
            path.delimiter,
          ),
        },
      },
      new Map([['x', '/tmp/added.json']]),
    );
    expect(places.map((p) => [p.path, p.origin])).toEqual([
      ['/etc/rancher-cli/cli2.json', 'rancher_cli'],
      [path.join(home, '.kube', 'config'), 'kube_default'],
      ['/tmp/a.yaml', 'kubeconfig_env'],
      ['/tmp/b.yaml', 'kubeconfig_env'],
      ['/tmp/added.json', 'user_added'],
    ]);
    expect(places[0]?.fileId).toBe(fileIdFor('/etc/rancher-cli/cli2.json'));
  });
});

describe('scan', () => {
  it('finds cli2.json login keys and cached kube credentials, with their servers, no secrets', async () => {
    const login = bearerFor(tokenName());
    const kube = bearerFor('kubeconfig-user-btq9q.c-m-4x7kq2lbx8k2d');
    await put(
      '.rancher/cli2.json',
      cli2Json([
        { name: 'rancherDefault', url: 'https://rancher.example.com/v3', bearer: login },
        {
          name: 'rancher.example.com',
          url: '',
          kubeCredentials: {
            'user-btq9q_c-m-4x7kq2lb': { token: kube, expires: '2030-06-20T07:05:00Z' },
          },
        },
      ]),
    );
    const result = await scan();
    expect(result.files[0]?.info).toMatchObject({ kind: 'cli2', status: 'ok', findingCount: 2 });
    const findings = result.tokens.map((t) => toFinding(t, { serverId: null, heldKeyId: null }));
    expect(findings).toEqual([
      expect.objectContaining({
        accessKey: login.split(':')[0],
        tokenKind: 'v3',
        serverUrl: 'https://rancher.example.com',
        place: { kind: 'cli2_login', entry: 'rancherDefault', subEntry: null, contexts: [] },
      }),
      expect.objectContaining({
        accessKey: 'kubeconfig-user-btq9q.c-m-4x7kq2lbx8k2d',
        tokenKind: 'kubeconfig',
        serverUrl: 'https://rancher.example.com',
        clusterId: 'c-m-4x7kq2lb',
        expiresAt: '2030-06-20T07:05:00Z',
      }),
    ]);
    const report = JSON.stringify({ files: result.files.map((f) => f.info), findings });
    expect(report).not.toContain(login.split(':')[1]);
    expect(report).not.toContain(kube.split(':')[1]);
  });

  it('finds kubeconfig user tokens with the Rancher server and cluster of their contexts', async () => {
    const token = bearerFor(tokenName());
    await put(
      '.kube/config',
      kubeconfigYaml([
        { name: 'prod', server: 'https://rancher.example.com/k8s/clusters/c-m-abcde', token },
        { name: 'kind', server: 'https://127.0.0.1:6443' },
        // a service-account JWT is not a Rancher token
        { name: 'sa', server: 'https://10.0.0.1', token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
      ]),
    );
    const result = await scan();
    expect(result.tokens).toHaveLength(1);
    expect(result.tokens[0]).toMatchObject({
      place: { kind: 'kubeconfig_user', entry: 'prod', contexts: ['prod'] },
      serverUrl: 'https://rancher.example.com',
      clusterId: 'c-m-abcde',
    });
  });

  it("cleans names and paths read from files for display (bidi and control characters), keeping the file's own names for the rewrite", async () => {
    const token = bearerFor(tokenName());
    const login = bearerFor(tokenName());
    // YAML double-quoted escapes: a right-to-left override and a terminal escape in the names.
    const kubeName = 'prod\\u202Eved\\x1b[2J';
    const file = await put(
      'kube\u202Ecfg.yaml',
      kubeconfigYaml([
        { name: kubeName, server: 'https://rancher.example.com/k8s/clusters/c-m-abcde', token },
      ]),
    );
    await put(
      '.rancher/cli2.json',
      cli2Json([
        { name: 'main\u2066\u0007', url: 'https://rancher.example.com/v3', bearer: login },
      ]),
    );
    const result = await scan({ KUBECONFIG: file });
    const findings = result.tokens.map((t) => toFinding(t, { serverId: null, heldKeyId: null }));
    expect(findings.map((f) => f.place)).toEqual([
      { kind: 'cli2_login', entry: 'main\uFFFD\uFFFD', subEntry: null, contexts: [] },
      {
        kind: 'kubeconfig_user',
        entry: 'prod\uFFFDved\uFFFD[2J',
        subEntry: null,
        contexts: ['prod\uFFFDved\uFFFD[2J'],
      },
    ]);
    expect(result.files.map((f) => f.info.path)).toContain(`~${path.sep}kube\uFFFDcfg.yaml`);
    // The rewrite finds the user by the name the file really has.
    expect(result.tokens[1]?.filePlace.entry).toBe('prod\u202Eved\x1b[2J');
  });

  it('reports malformed, missing, symlinked and unreadable files each with a line, and goes on', async () => {
    await put('.rancher/cli2.json', '{"Servers": {');
    const good = await put(
      'good.yaml',
      kubeconfigYaml([
        {
          name: 'a',
          server: 'https://r.example.com/k8s/clusters/local',
          token: bearerFor(tokenName()),
        },
      ]),
    );
    await put('bad.yaml', 'users: [unclosed');
    const secretFile = await put('unreadable.yaml', 'users: []');
    await chmod(secretFile, 0o000);
    await symlink('/dev/null', path.join(home, 'link-to-device'));
    await symlink(good, path.join(home, 'link-to-good'));
    const env = {
      KUBECONFIG: ['bad.yaml', 'unreadable.yaml', 'link-to-device', 'link-to-good', 'good.yaml']
        .map((f) => path.join(home, f))
        .join(path.delimiter),
    };
    const result = await scan(env);
    const status = Object.fromEntries(
      result.files.map((f) => [path.basename(f.absolute), f.info.status]),
    );
    expect(status).toEqual({
      'cli2.json': 'malformed',
      config: 'missing',
      'bad.yaml': 'malformed',
      'unreadable.yaml': process.getuid?.() === 0 ? 'ok' : 'unreadable',
      'link-to-device': 'symlink_refused',
      'link-to-good': 'ok',
      'good.yaml': 'ok',
    });
    const linked = result.files.find((f) => f.absolute.endsWith('link-to-good'));
    expect(linked?.info.rewritable).toBe(false);
    expect(result.files.find((f) => f.absolute.endsWith('good.yaml'))?.info.rewritable).toBe(true);
    expect(result.tokens).toHaveLength(2);
  });

  it('decides the kind of a user-added file from its content', async () => {
    const file = await put(
      'elsewhere/my-cli.json',
      cli2Json([{ name: 'x', url: 'https://x.example.com', bearer: bearerFor(tokenName()) }]),
    );
    const result = await scan({}, new Map([[fileIdFor(file), file]]));
    expect(result.files.at(-1)?.info).toMatchObject({
      kind: 'cli2',
      origin: 'user_added',
      findingCount: 1,
    });
  });

  it('keys the same secret to the same hash within a scan, and to a different one in another hasher', () => {
    const a = createSecretHasher();
    const b = createSecretHasher();
    expect(a.hash('token-abcde:x')).toBe(a.hash('token-abcde:x'));
    expect(a.hash('token-abcde:x')).not.toBe(b.hash('token-abcde:x'));
  });
});
