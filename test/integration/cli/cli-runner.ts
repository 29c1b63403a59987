import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCliExecutable, bundleCli } from '../../../scripts/build-cli.mjs';
import { buildNativeHelper } from './native-helper';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * How a test runs `rancher-keys`: the bundled script under Node, the single executable, or the
 * bundled script with the native credential helper beside it (so kubeconfigs run the helper).
 */
export interface CliBuild {
  kind: 'bundle' | 'sea' | 'native';
  /** argv[0..n] before the command's own arguments. */
  prefix: string[];
  /** argv of the credential plugin the kubeconfigs of this build run, before its options. */
  credential: string[];
  remove(): Promise<void>;
}

/**
 * Builds the command as users get it: `bundle` is what `npm run rancher-keys` runs; `sea` is the
 * single executable `npm run dist` ships; `native` adds the Go credential helper beside the bundle
 * (as both put it there when Go is installed). Built under dist/ (the bundle resolves keytar from
 * the checkout's node_modules), in a directory of its own so parallel runs do not collide.
 */
export async function buildCli(kind: CliBuild['kind']): Promise<CliBuild> {
  const dir = path.join(root, 'dist', `cli-test-${process.pid}-${kind}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  if (kind === 'sea') {
    const exe = await buildCliExecutable(path.join(dir, 'rancher-keys'));
    return { kind, prefix: [exe], credential: [exe, 'kubectl-credential'], remove };
  }
  const [file, helper] = await Promise.all([
    bundleCli(path.join(dir, 'rancher-keys.cjs')),
    kind === 'native' ? buildNativeHelper(dir) : null,
  ]);
  const prefix = [process.execPath, file];
  return {
    kind,
    prefix,
    credential: helper ? [helper] : [...prefix, 'kubectl-credential'],
    remove,
  };
}

/** The outcome of one run. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with an environment; never throws on a non-zero exit. */
export function runProgram(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number } = {},
): Promise<Run> {
  const [file, ...args] = argv;
  return new Promise((resolve, reject) => {
    execFile(
      file as string,
      args,
      { env, timeout: options.timeoutMs ?? 20_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`could not run ${file as string}: ${error.message}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** A private HOME for the command and kubectl (kubeconfigs, caches), removed afterwards. */
export function makeHome(): { home: string; remove(): Promise<void> } {
  const home = mkdtempSync(path.join(tmpdir(), 'rancher-keys-cli-home-'));
  return { home, remove: () => rm(home, { recursive: true, force: true }) };
}

/** Every regular file under `dir`. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Files under `dirs` that contain any of `secrets` (as text or base64): should be none. */
export function filesHoldingSecrets(dirs: readonly string[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap((s) => [s, Buffer.from(s).toString('base64')]);
  return dirs
    .flatMap(filesUnder)
    .filter((file) => statSync(file).size < 64 * 1024 * 1024)
    .filter((file) => {
      const text = readFileSync(file).toString('latin1');
      return needles.some((n) => text.includes(n));
    });
}

/**
 * The environment the command runs in under test: a private HOME, and the app's data directory
 * and keychain service of the test core, with nothing of the developer's own Rancher or kubectl
 * setup (RANCHER_*, KUBECONFIG, XDG_CACHE_HOME) leaking in.
 */
export function cliEnv(
  home: string,
  core: { dataDir: string; keychainService: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    RANCHER_KEYS_DATA_DIR: core.dataDir,
    RANCHER_KEYS_KEYCHAIN_SERVICE: core.keychainService,
  };
  for (const name of ['RANCHER_TOKEN', 'RANCHER_URL', 'KUBECONFIG', 'XDG_CACHE_HOME'])
    delete env[name];
  return env;
}
