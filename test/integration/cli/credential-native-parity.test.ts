// The native credential helper (native/credential, Go) against `rancher-keys kubectl-credential`
// (TypeScript): both run over the same data directories and the same real keychain (the private
// gnome-keyring of scripts/with-keyring.mjs), and must print the same credential, the same exit
// code and the same one-line error, for good keys, bad keys and hostile files alike.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKeysDocName } from '../../../electron/core/keys/key-records';
import { buildCli, runProgram, type CliBuild, type Run } from './cli-runner';
import { buildNativeHelper } from './native-helper';

const service = `rancher-keys-test-parity-${randomBytes(4).toString('hex')}`;
const origin = 'https://rancher.parity.example';
const DAY = 86_400_000;
const future = new Date(Date.now() + 30 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
const past = '2024-03-01T10:20:30Z';
const secrets: Record<string, string> = {
  'token-live1': 'token-live1:livesecretlivesecretlivesecretlivesecret0001',
  'token-new22': 'token-new22:renewedsecretrenewedsecretrenewedsecret0002',
  'ext/token-ext33': 'ext/token-ext33:extsecretextsecretextsecretextsecret00003',
  'token-dead4': 'token-dead4:deadsecretdeadsecretdeadsecretdeadsecret04',
};
const signInBearer = 'token-sign5:signinsecretsigninsecretsigninsecret00005';

interface Row {
  name: string;
  ext?: boolean;
  expires?: number | string | null;
  enabled?: boolean;
  expired?: boolean;
  onServer?: boolean;
  hasSecret?: boolean;
  pendingRevocation?: boolean;
  toolsDefault?: boolean;
  handle?: string;
}

/** A format 2 row, as key-cache-format.ts writes it. */
function row(r: Row): unknown[] {
  const flags =
    (r.ext ? 1 : 0) |
    ((r.enabled ?? true) ? 8 : 0) |
    (r.expired ? 16 : 0) |
    ((r.onServer ?? true) ? 32 : 0) |
    ((r.hasSecret ?? true) ? 64 : 0) |
    (r.pendingRevocation ? 128 : 0) |
    (r.toolsDefault ? 256 : 0);
  const cells: unknown[] = [r.name, flags, 'a key', 0, null, null, null, r.expires ?? null, null];
  if (r.handle !== undefined) cells.push({ h: r.handle });
  return cells;
}

function serverDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'srv-1',
    origin,
    name: 'Parity',
    caPem: null,
    fingerprint256: null,
    anchorPem: null,
    timeoutMs: 15000,
    version: '2.13.0',
    tokenApis: { v3: true, ext: true },
    maxTtlMs: null,
    maxTtlKnown: true,
    signIn: {
      method: 'api_key',
      provider: null,
      user: { id: 'u-1', username: 'admin', displayName: 'Admin' },
      keyId: 'token-sign5',
      expiresAt: null,
      rejected: false,
    },
    addedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const standardRows: Row[] = [
  { name: 'token-live1', expires: Math.floor(Date.parse(future) / 1000) },
  { name: 'token-old11', expires: past, onServer: false, expired: true },
  { name: 'token-new22', expires: '2031-05-06T07:08:09.456Z', handle: 'token-old11' },
  { name: 'token-ext33', ext: true, toolsDefault: true },
  { name: 'token-dead4', expires: past },
  { name: 'token-flag5', expired: true },
  { name: 'token-gone6', onServer: false },
  { name: 'token-del77', pendingRevocation: true },
  { name: 'token-off88', enabled: false },
  { name: 'token-elsew9', hasSecret: false },
  { name: 'token-noitem', hasSecret: true },
  { name: 'token-sign5', hasSecret: false },
  { name: 'Token_Upper', hasSecret: true },
];

let scratch: string;
let count = 0;

/** A data directory: servers.json and the keys file as given (text, or JSON values). */
function dataDir(files: { servers?: unknown; keys?: unknown; serverId?: string } = {}): {
  dir: string;
  keysFile: string;
  serversFile: string;
} {
  const dir = path.join(scratch, `data-${++count}`);
  mkdirSync(dir);
  const servers =
    'servers' in files ? files.servers : { version: 1, activeId: 'srv-1', servers: [serverDoc()] };
  const keys =
    'keys' in files
      ? files.keys
      : {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: standardRows.map(row),
        };
  const serversFile = path.join(dir, 'servers.json');
  const keysFile = path.join(dir, `${serverKeysDocName(files.serverId ?? 'srv-1')}.json`);
  const write = (file: string, content: unknown) => {
    if (content !== null)
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  };
  write(serversFile, servers);
  write(keysFile, keys);
  return { dir, keysFile, serversFile };
}

describe('native credential helper answers as rancher-keys kubectl-credential does', () => {
  let cli: CliBuild;
  let helper: string;
  let home: string;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rancher-keys-parity-'));
    home = path.join(scratch, 'home');
    mkdirSync(home);
    cli = await buildCli('bundle');
    helper = await buildNativeHelper(path.dirname(cli.prefix[1] as string));
    for (const [id, bearer] of Object.entries(secrets)) {
      await keytar.setPassword(service, `${origin}/${id}`, bearer);
    }
    await keytar.setPassword(service, `sign-in:${origin}`, signInBearer);
  }, 120_000);

  afterAll(async () => {
    for (const id of Object.keys(secrets)) await keytar.deletePassword(service, `${origin}/${id}`);
    await keytar.deletePassword(service, `sign-in:${origin}`);
    await cli?.remove();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  function env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const base: NodeJS.ProcessEnv = { ...process.env, HOME: home, ...extra };
    for (const name of [
      'RANCHER_KEYS_DATA_DIR',
      'RANCHER_KEYS_KEYCHAIN_SERVICE',
      'XDG_CONFIG_HOME',
    ])
      if (!(name in extra)) delete base[name];
    for (const [name, value] of Object.entries(extra)) if (value === undefined) delete base[name];
    return base;
  }

  /** Runs both with the same arguments and environment. */
  async function both(args: string[], extra: Record<string, string | undefined> = {}) {
    const [ts, go] = await Promise.all([
      runProgram([...cli.prefix, 'kubectl-credential', ...args], env(extra)),
      runProgram([helper, ...args], env(extra)),
    ]);
    return { ts, go };
  }

  /** The zod message after a damaged file's path is zod's own wording; the path must agree. */
  const comparable = (run: Run) => ({
    code: run.code,
    stdout: run.stdout,
    stderr: run.stderr.replace(/(unexpected content at [^:]+): [^)]*\)/, '$1: …)'),
  });

  async function expectSame(
    args: string[],
    extra: Record<string, string | undefined> = {},
  ): Promise<Run> {
    const { ts, go } = await both(args, extra);
    if (process.env.PARITY_DUMP)
      console.log(JSON.stringify([args.slice(0, 4), ts.code, ts.stderr, go.stderr]));
    expect(comparable(go)).toEqual(comparable(ts));
    // One line on stderr, or none; never a stack.
    expect(ts.stderr.split('\n').length).toBeLessThanOrEqual(2);
    return ts;
  }

  const v1 = {
    KUBERNETES_EXEC_INFO: JSON.stringify({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      spec: { interactive: false },
    }),
  };
  const v1beta1 = {
    KUBERNETES_EXEC_INFO: JSON.stringify({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      spec: { interactive: false },
    }),
  };
  const withService = (dir: string) => ['--data-dir', dir, '--keychain-service', service];

  it('prints the same ExecCredential for a valid key, v1 and v1beta1 and unasked', async () => {
    const { dir } = dataDir();
    for (const extra of [v1, v1beta1, {}]) {
      const run = await expectSame(
        ['--server', origin, '--key', 'token-live1', ...withService(dir)],
        extra,
      );
      expect(run.code).toBe(0);
      const credential = JSON.parse(run.stdout) as {
        apiVersion: string;
        status: { token: string; expirationTimestamp: string };
      };
      expect(credential.status.token).toBe(secrets['token-live1']);
      expect(credential.status.expirationTimestamp).toBe(future);
    }
  });

  it('follows a Renew: the old name reaches the renewed key, its expiry cut to seconds', async () => {
    const { dir } = dataDir();
    const run = await expectSame(
      ['--server', 'parity', '--key', ' token-old11 ', ...withService(dir)],
      v1,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: { token: secrets['token-new22'], expirationTimestamp: '2031-05-06T07:08:09Z' },
    });
  });

  it('finds the default key, an ext key and the sign-in key the same way', async () => {
    const { dir } = dataDir();
    const byDefault = await expectSame(
      ['--server', 'rancher.parity.example/', ...withService(dir)],
      v1,
    );
    expect(JSON.parse(byDefault.stdout)).toMatchObject({
      status: { token: secrets['ext/token-ext33'] },
    });
    const signIn = await expectSame(
      ['--server', 'srv-1', '--key', 'token-sign5', ...withService(dir)],
      v1,
    );
    expect(JSON.parse(signIn.stdout)).toMatchObject({ status: { token: signInBearer } });
  });

  it('refuses expired, revoked, deleted, disabled, foreign and missing keys with the same line', async () => {
    const { dir } = dataDir();
    const expectations: Array<[string, RegExp]> = [
      ['token-dead4', /expired on 2024-03-01 10:20 UTC: renew token-dead4 in Rancher Keys\.\n$/],
      ['token-flag5', /token-flag5 on Parity expired: renew/],
      ['token-gone6', /is no longer on Parity/],
      ['token-del77', /was deleted in Rancher Keys/],
      ['token-off88', /is disabled on Parity/],
      ['token-elsew9', /does not hold the secret of token-elsew9/],
      ['token-noitem', /The secret of token-noitem is not in the keychain/],
      ['token-nope00', /There is no key "token-nope00" on Parity/],
      ['Token_Upper', /a keychain account needs a key id in Rancher token-name shape/],
    ];
    for (const [key, message] of expectations) {
      const run = await expectSame(['--server', origin, '--key', key, ...withService(dir)], v1);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });

  it('prints a server name with line breaks, escapes or bidi controls on one clean line', async () => {
    const { dir } = dataDir({
      servers: {
        version: 1,
        activeId: 'srv-1',
        servers: [serverDoc({ name: 'Evil\n\u001b[31mred\u202Egnp.exe' })],
      },
    });
    const run = await expectSame(
      ['--server', origin, '--key', 'token-off88', ...withService(dir)],
      v1,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'rancher-keys: token-off88 is disabled on Evil??[31mred?gnp.exe: enable it in Rancher Keys.\n',
    );
  });

  it('reads the keychain service and data directory from flags and the environment alike', async () => {
    const { dir } = dataDir();
    const fromEnv = await expectSame(['--server', origin, '--key', 'token-live1'], {
      RANCHER_KEYS_DATA_DIR: dir,
      RANCHER_KEYS_KEYCHAIN_SERVICE: service,
    });
    expect(fromEnv.code).toBe(0);
    const otherService = await expectSame(
      ['--server', origin, '--key', 'token-live1', '--data-dir', dir],
      {
        RANCHER_KEYS_KEYCHAIN_SERVICE: `${service}-other`,
      },
    );
    expect(otherService.stderr).toContain(`(service "${service}-other")`);
    // The default directory: $XDG_CONFIG_HOME/Rancher Keys.
    const config = path.join(scratch, 'xdg');
    mkdirSync(config);
    symlinkSync(dir, path.join(config, 'Rancher Keys'));
    const byDefault = await expectSame(['--server', origin, '--key', 'token-live1'], {
      XDG_CONFIG_HOME: config,
      RANCHER_KEYS_KEYCHAIN_SERVICE: service,
    });
    expect(byDefault.code).toBe(0);
  });

  it('answers command-line and KUBERNETES_EXEC_INFO mistakes alike', async () => {
    const { dir } = dataDir();
    const lines: string[][] = [
      [],
      ['--server'],
      ['--server', '--key', 'x'],
      ['--server', origin, '--bogus'],
      ['--server', origin, 'extra'],
      ['--server', origin, '--'],
      ['--server', origin, '-x'],
      ['--help=yes'],
      ['--server', 'no\u0007where', ...withService(dir)],
      ['--server', origin, '--key', 'token-live1', '-h'],
    ];
    for (const args of lines) await expectSame(args);
    for (const info of [
      '{"apiVersion":',
      '[]',
      '{"apiVersion":5}',
      '{"apiVersion":"client.authentication.k8s.io/v1alpha1"}',
      '   ',
    ]) {
      await expectSame(['--server', origin, '--key', 'token-live1', ...withService(dir)], {
        KUBERNETES_EXEC_INFO: info,
      });
    }
  });

  it('reads format 1 key lists, with their order and defaults', async () => {
    const record = (over: Record<string, unknown> = {}) => ({
      token: {
        family: 'v3',
        name: 'x',
        kind: 'api_key',
        description: '',
        userId: 'u-1',
        clusterId: null,
        createdAt: null,
        lastUsedAt: null,
        expiresAt: future,
        ttlMs: null,
        enabled: true,
        expired: false,
      },
      onServer: true,
      hasSecret: true,
      ...over,
    });
    const { dir } = dataDir({
      keys: {
        version: 1,
        refreshedAt: null,
        keys: {
          'token-live1': record({ toolsDefault: true }),
          'token-new22': record({ handle: 'token-old11' }),
          'token-old11': record({ onServer: false, expired: true }),
        },
      },
    });
    for (const key of [[], ['--key', 'token-old11'], ['--key', 'token-live1']]) {
      const run = await expectSame(['--server', origin, ...key, ...withService(dir)], v1);
      expect(run.code).toBe(0);
    }
  });

  it('reports hostile files the same way: too large, not JSON, wrong types, out of grammar', async () => {
    const cases: Array<Parameters<typeof dataDir>[0]> = [
      { servers: '{"version":1,' },
      { servers: '\ufeff{}' },
      { servers: { version: 2, activeId: null, servers: [] } },
      { servers: { version: 1, activeId: null, servers: [serverDoc({ origin: 5 })] } },
      { servers: { version: 1, activeId: null, servers: [serverDoc({ timeoutMs: 0 })] } },
      {
        servers: {
          version: 1,
          activeId: null,
          servers: [serverDoc({ signIn: { method: 'magic' } })],
        },
      },
      { servers: { version: 1, activeId: null, servers: [serverDoc({ proxy: null })] } },
      {
        servers: {
          version: 1,
          activeId: null,
          servers: [serverDoc({ origin: 'https://Rancher.Parity.Example' })],
        },
      },
      {
        servers: {
          version: 1,
          activeId: null,
          servers: [serverDoc({ origin: 'https://rancher.parity.example/x' })],
        },
      },
      {
        servers: {
          version: 1,
          activeId: null,
          servers: [serverDoc({ origin: 'https://rancher.parity.example:443' })],
        },
      },
      {
        servers: { version: 1, activeId: null, servers: [serverDoc({ origin: 'https://127.1' })] },
      },
      { servers: { version: 1, activeId: null, servers: [] } },
      { servers: null },
      { keys: 'not json' },
      { keys: { version: 3 } },
      { keys: [] },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: [['token-live1', 'x']],
        },
      },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: [row({ name: 'token-live1' }), row({ name: 'token-live1' })],
        },
      },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: [],
          clusters: [],
          keys: [row({ name: 'token-live1' })],
        },
      },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: [[...row({ name: 'token-live1' }), { h: 'x', z: 1 }]],
        },
      },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: [row({ name: 'token-live1', handle: 'h'.repeat(301) })],
        },
      },
      {
        keys: {
          version: 2,
          refreshedAt: null,
          users: ['u-1'],
          clusters: [],
          keys: [row({ name: 'token-live1', expires: 1.5 })],
        },
      },
      { keys: { version: 1, refreshedAt: null, keys: { 'token-live1': { onServer: true } } } },
      {
        keys: {
          version: 1,
          refreshedAt: null,
          keys: { 'token-live1': { token: {}, onServer: 'yes' } },
        },
      },
    ];
    for (const files of cases) {
      const { dir } = dataDir(files);
      const run = await expectSame(
        ['--server', origin, '--key', 'token-live1', ...withService(dir)],
        v1,
      );
      expect(run.stdout === '' || files?.servers === null).toBe(true);
    }
    // Over 128 MiB: refused unread (a sparse file: its size is all that is looked at).
    const big = dataDir();
    truncateSync(big.keysFile, 128 * 1024 * 1024 + 1);
    const tooBig = await expectSame(
      ['--server', origin, '--key', 'token-live1', ...withService(big.dir)],
      v1,
    );
    expect(tooBig.stderr).toContain('larger than 128 MiB');
  });

  it('treats symbolic links and folders in place of files the same way', async () => {
    const target = dataDir();
    const linked = dataDir({ keys: null });
    symlinkSync(target.keysFile, linked.keysFile);
    expect(
      (
        await expectSame(
          ['--server', origin, '--key', 'token-live1', ...withService(linked.dir)],
          v1,
        )
      ).code,
    ).toBe(0);
    const dangling = dataDir({ servers: null });
    symlinkSync(path.join(scratch, 'nowhere.json'), dangling.serversFile);
    await expectSame(['--server', origin, ...withService(dangling.dir)], v1);
    const folder = dataDir({ servers: null });
    mkdirSync(folder.serversFile);
    const isDir = await expectSame(['--server', origin, ...withService(folder.dir)], v1);
    expect(isDir.stderr).toContain('EISDIR');
    const loop = dataDir({ keys: null });
    symlinkSync(loop.keysFile, loop.keysFile);
    await expectSame(['--server', origin, '--key', 'token-live1', ...withService(loop.dir)], v1);
  });
});
