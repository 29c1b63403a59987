import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCopy } from '../../../electron/core/keys/copy-format';
import { shellQuote } from '../../../electron/core/keys/shell-quote';
import { seededRandom } from '../../support/seeded-random';

// Real shells, not a model of them: bash and Debian's sh (dash) run the copied text.
const shells = ['/bin/bash', '/bin/sh'] as const;
const SEED = 0x5eed_0005;
const CASES = 120;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rk-shell-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// stdin is /dev/null: bash given a socket or pipe as stdin may read ~/.bashrc even with -c.
function run(shell: string, script: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ['-c', script], {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve({ stdout, stderr })
        : reject(new Error(`${shell} exited ${code}: ${stderr}`)),
    );
  });
}

// Everything a shell treats specially, fragments that would run something if expanded (touching a
// file in the working directory, which must stay empty), and text a terminal or a reader trips on.
const printableMeta = [...`$()\`;&|<>'"\\ !*?[]{}~#=%^,:/@+-.`];
const payloads = [
  '$(touch pwned)',
  '`touch pwned`',
  "'; touch pwned; '",
  '${HOME}',
  '$((1+1))',
  "\\'",
  '$IFS',
];
const words = ['a', 'Z', '9', 'é', '\u202e', '✓', '𝕏', ...printableMeta, ...payloads];
const controls = ['\n', '\t', '\r', '\u001b', '\u007f'];

describe('shellQuote', () => {
  it.each(shells)(
    'makes %s read back exactly the value, for any value without NUL',
    async (shell) => {
      const random = seededRandom(SEED);
      for (let i = 0; i < CASES; i++) {
        const value = random.string([...words, ...controls], 1 + random.int(24));
        const { stdout, stderr } = await run(shell, `v=${shellQuote(value)}\nprintf '%s' "$v"`);
        expect({ seed: SEED, case: i, stdout, stderr }).toEqual({
          seed: SEED,
          case: i,
          stdout: value,
          stderr: '',
        });
      }
      expect(await readdir(dir)).toEqual([]);
    },
  );
});

describe('shell-shaped copy formats', () => {
  const origin = 'https://rancher.example.com';
  // `rancher` is a shell function here: it prints its arguments, one per NUL-terminated field.
  const printArgs = `rancher() { printf '%s\\0' "$@"; }\n`;

  it.each(shells)('set exactly the copied values in %s and run nothing else', async (shell) => {
    const random = seededRandom(SEED + 1);
    for (let i = 0; i < CASES; i++) {
      const keyId = random.string(words, 1 + random.int(16));
      // A secret holds no colon: the bearer splits at its last one.
      const secret = random.string(
        words.filter((w) => !w.includes(':')),
        1 + random.int(40),
      );
      const bearer = `${keyId}:${secret}`;
      const parts = { origin, keyId, bearer };
      const script = [
        printArgs,
        `(\n${formatCopy('env_token', parts)}\nprintf '%s\\0%s\\0' "$RANCHER_URL" "$RANCHER_TOKEN"\n)`,
        `(\n${formatCopy('env_keys', parts)}\nprintf '%s\\0%s\\0' "$RANCHER_ACCESS_KEY" "$RANCHER_SECRET_KEY"\n)`,
        `(\n${formatCopy('rancher_login', parts)}\n)`,
      ].join('\n');
      const { stdout, stderr } = await run(shell, script);
      const expected = [origin, bearer, keyId, secret, 'login', origin, '--token', bearer]
        .map((v) => `${v}\0`)
        .join('');
      expect({ seed: SEED + 1, case: i, stdout, stderr }).toEqual({
        seed: SEED + 1,
        case: i,
        stdout: expected,
        stderr: '',
      });
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
