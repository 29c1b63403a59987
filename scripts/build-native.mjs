// Builds the native kubectl credential helper (native/credential, Go) beside the `rancher-keys`
// command: dist/cli/rancher-keys-credential[.exe]. kubeconfigs call it instead of
// `rancher-keys kubectl-credential` when it is there (electron/core/kubeconfig/credential-helper.ts),
// because a Go binary starts in milliseconds where Node needs ~60 ms (bench/RESULTS.md).
//
//   node scripts/build-native.mjs          builds it when Go is installed (`npm run setup`), else says so
//   node scripts/build-native.mjs --require-go   the same, failing without Go (the package test)
//   node scripts/build-native.mjs --test   runs its Go tests (fails, naming the fix, without Go)
//
// Nothing is downloaded: on Linux the Secret Service client is Debian's golang-dbus-dev
// (native/credential/go.mod); macOS and Windows use only Go's standard library.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMain } from './setup.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The Go module of the helper. */
export const helperSource = path.join(root, 'native/credential');
/** Where the helper lands: beside the command's bundle and single executable. */
export const helperExecutable = path.join(
  root,
  `dist/cli/rancher-keys-credential${process.platform === 'win32' ? '.exe' : ''}`,
);
/** What to tell someone without Go. */
export const noGoMessage =
  'Go is not installed, so the native kubectl credential helper (native/credential) cannot be built: run `npm run setup` (Debian/Ubuntu: golang-go golang-dbus-dev), or install Go 1.19+.';

/** Go's environment for the helper: never a network fetch, a static binary. */
function goEnv() {
  return { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
}

/** Whether `go` runs here. */
export function goAvailable() {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** The newest modification time of the helper's sources. */
export function helperSourcesTime() {
  return Math.max(
    ...readdirSync(helperSource).map((f) => statSync(path.join(helperSource, f)).mtimeMs),
  );
}

/**
 * Compiles the helper to `output` (for another system with `goos`/`goarch`); resolves to its path.
 * Rejects with Go's message when the build fails.
 */
export async function buildCredentialHelper(output = helperExecutable, target = {}) {
  const env = goEnv();
  if (target.goos) env.GOOS = target.goos;
  if (target.goarch) env.GOARCH = target.goarch;
  await run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', output, '.'], {
    cwd: helperSource,
    env,
  });
  return output;
}

if (isMain(import.meta.url)) {
  if (!goAvailable()) {
    console.error(noGoMessage);
    const required = process.argv.includes('--test') || process.argv.includes('--require-go');
    process.exit(required ? 1 : 0);
  }
  if (process.argv.includes('--test')) {
    const vet = spawnSync('go', ['vet', './...'], {
      cwd: helperSource,
      env: goEnv(),
      stdio: 'inherit',
    });
    const test = spawnSync('go', ['test', './...'], {
      cwd: helperSource,
      env: goEnv(),
      stdio: 'inherit',
    });
    process.exit(vet.status === 0 && test.status === 0 ? 0 : 1);
  }
  const out = await buildCredentialHelper();
  console.log(`built ${path.relative(root, out)}`);
}
