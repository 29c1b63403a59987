import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAccount } from '../../../electron/core/vault/keychain-accounts';
import { createManualClock } from '../../rancher-sim';
import { startRig, type Rig } from '../keys/harness';
import {
  buildCli,
  cliEnv,
  filesHoldingSecrets,
  makeHome,
  runProgram,
  type CliBuild,
} from './cli-runner';

const DAY = 86_400_000;

describe('rancher-keys list, token, env, exec, check', () => {
  // The simulator's clock starts ten days ago and is moved forward: keys it issues then expire,
  // as far as the command (which uses the real clock) is concerned, in the past or at chosen times.
  const start = Date.now() - 10 * DAY;
  let rig: Rig;
  let cli: CliBuild;
  let home: { home: string; remove(): Promise<void> };
  let env: NodeJS.ProcessEnv;
  let ci: { id: string; bearer: string };
  const rk = (...args: string[]) => runProgram([...cli.prefix, ...args], env);

  async function create(description: string, ttlMs: number) {
    const { key } = await rig.call('keys:create', {
      serverId: rig.serverId,
      description,
      expiry: { kind: 'duration', ms: ttlMs },
    });
    const bearer = await rig.t.secrets.get(keyAccount(rig.sim.origin, key.id));
    if (!bearer) throw new Error('no secret stored');
    return { id: key.id, bearer };
  }

  beforeAll(async () => {
    [rig, cli] = await Promise.all([
      startRig({ clock: createManualClock(start) }),
      buildCli('bundle'),
    ]);
    home = makeHome();
    env = cliEnv(home.home, rig.t);
    ci = await create('ci deploy', 30 * DAY);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await cli?.remove();
    await home?.remove();
  });

  it('lists keys with state and expiry and never a secret', async () => {
    const text = await rk('list');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(ci.id);
    expect(text.stdout).toContain('ci deploy');
    const json = await rk('list', '--json');
    const parsed = JSON.parse(json.stdout) as {
      servers: Array<{ keys: Array<{ keyId: string; state: string }> }>;
    };
    expect(parsed.servers[0]?.keys.find((k) => k.keyId === ci.id)?.state).toBe('active');
    for (const out of [text.stdout, json.stdout]) {
      expect(out).not.toContain(ci.bearer.split(':')[1]);
      expect(out).not.toContain(rig.sim.admin.token.split(':')[1]);
    }
  });

  it('prints the token of a named key, and of the default key once one is marked', async () => {
    expect(await rk('token', ci.id)).toEqual({ code: 0, stdout: `${ci.bearer}\n`, stderr: '' });
    const none = await rk('token');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /^rancher-keys: .* has no default key for tools: mark one in Rancher Keys.*\n$/,
    );
    await rig.call('keys:setDefault', { serverId: rig.serverId, keyId: ci.id, isDefault: true });
    expect((await rk('token')).stdout).toBe(`${ci.bearer}\n`);
  });

  it.each(['/bin/bash', '/bin/sh'])(
    'writes env exports that %s evaluates to the key',
    async (shell) => {
      const script = `eval "$("$@" env --shell ${shell.endsWith('bash') ? 'bash' : 'sh'})"; printf '%s|%s|%s|%s' "$RANCHER_URL" "$RANCHER_TOKEN" "$RANCHER_ACCESS_KEY" "$RANCHER_SECRET_KEY"`;
      const run = await runProgram([shell, '-c', script, 'sh', ...cli.prefix], env);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${rig.sim.origin}|${ci.bearer}|${ci.id}|${ci.bearer.split(':')[1]}`);
    },
  );

  it("runs a command with the key in its environment only, and passes on the command's exit code", async () => {
    const script = `"$@" exec -- /bin/sh -c 'printf %s "$RANCHER_TOKEN"; exit 7'; code=$?; printf '|%s|%s' "$code" "\${RANCHER_TOKEN-unset}"`;
    const run = await runProgram(['/bin/bash', '-c', script, 'sh', ...cli.prefix], env);
    expect(run.stdout).toBe(`${ci.bearer}|7|unset`);
    const missing = await rk('exec', '--', '/nonexistent/tool');
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(
      /^rancher-keys: Could not start \/nonexistent\/tool \(not found\)\.\n$/,
    );
  });

  it('exits 0, 1 or 2 from check as keys near and pass expiry', async () => {
    expect((await rk('check', '--within', '7d')).code).toBe(0);
    // Issued 6 days into the simulator's ten-day lag with a 10-day life: expires in about 6 days.
    rig.sim.clock.advance(6 * DAY);
    const soon = await create('expires soon', 10 * DAY);
    const expiring = await rk('check', '--within', '7d');
    expect(expiring.code).toBe(1);
    expect(expiring.stdout).toMatch(new RegExp(`EXPIRING .*${soon.id}`));
    expect((await rk('check', '--within', '5d')).code).toBe(0);
    // Issued with a one-day life: as of now it expired three days ago.
    const gone = await create('already expired', DAY);
    const expired = await rk('check', '--json');
    expect(expired.code).toBe(2);
    const report = JSON.parse(expired.stdout) as { keys: Array<{ keyId: string; status: string }> };
    expect(report.keys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyId: gone.id, status: 'expired' }),
        expect.objectContaining({ keyId: soon.id, status: 'expiring' }),
      ]),
    );
    const token = await rk('token', gone.id);
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(
      new RegExp(
        `^rancher-keys: ${gone.id} on .* expired on .*: renew ${gone.id} in Rancher Keys\\.\\n$`,
      ),
    );
  });

  it('answers usage errors with exit 64 and one line, and --help with the exit codes', async () => {
    const bad = await rk('token', '--bogus');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toBe(
      'rancher-keys: Unknown option --bogus. See rancher-keys token --help.\n',
    );
    for (const command of [
      'list',
      'token',
      'env',
      'exec',
      'check',
      'kubeconfig',
      'kubectl-credential',
    ]) {
      const help = await rk(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: rancher-keys ${command}`);
      expect(help.stdout, command).toContain('Exit codes:');
    }
  });

  it('never writes a secret into a file', () => {
    expect(filesHoldingSecrets([home.home], [ci.bearer, rig.sim.admin.token])).toEqual([]);
  });
});
