// Builds the `rancher-keys` command (electron/cli): one CommonJS bundle for Node, and with --sea a
// Node single executable application (SEA) made from this host's own Node binary, carrying the
// bundle and keytar's native binding as an asset (electron/cli/keytar-asset.ts loads it).
//
//   node scripts/build-cli.mjs          dist/cli/rancher-keys.cjs  (what `npm run rancher-keys` runs)
//   node scripts/build-cli.mjs --sea    also dist/cli/rancher-keys[.exe]  (shipped in the installers)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { zodWithoutLocales } from './zod-without-locales.mjs';

const require = createRequire(import.meta.url);
// Asynchronous, so that a test or bench building the executable next to a simulator in the same
// process keeps answering requests meanwhile (making the snapshot takes seconds).
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** Where the bundle lands. */
export const cliBundle = path.join(root, 'dist/cli/rancher-keys.cjs');
/** Where the single executable lands. */
export const cliExecutable = path.join(
  root,
  `dist/cli/rancher-keys${process.platform === 'win32' ? '.exe' : ''}`,
);
/** Every source the bundle is made of (the freshness check of scripts/rancher-keys.mjs). */
export const cliSourceDirs = ['electron/cli', 'electron/core', 'electron/contract'].map((d) =>
  path.join(root, d),
);

/**
 * Bundles electron/cli/bin.ts into one CommonJS file. keytar stays outside: Node resolves it from
 * node_modules, and the single executable brings its binding as an asset instead.
 */
export async function bundleCli(outfile = cliBundle) {
  await esbuild({
    entryPoints: [path.join(root, 'electron/cli/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['keytar'],
    // Lazily loaded commands stay lazily evaluated, and `import('keytar')` becomes `require`.
    supported: { 'dynamic-import': false },
    define: { 'process.env.RANCHER_KEYS_BUILD_VERSION': JSON.stringify(version) },
    minify: true,
    plugins: [zodWithoutLocales],
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

/** The path of keytar's native binding in this checkout. */
function keytarBinding() {
  return path.join(
    path.dirname(require.resolve('keytar/package.json')),
    'build/Release/keytar.node',
  );
}

/**
 * Makes the single executable (https://nodejs.org/api/single-executable-applications.html): a
 * preparation blob from the bundle (with V8's code cache, and keytar.node as an asset), injected
 * with postject into a copy of this Node binary. macOS: the copy's signature is removed before and
 * an ad-hoc one added after; Windows: the copy stays unsigned (sign it in the release pipeline).
 */
export async function buildCliExecutable(output = cliExecutable) {
  // Next to the output, so that two builds (tests, packaging) never share their scratch space.
  const work = `${output}.sea-build`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const bundle = await bundleCli(path.join(work, 'rancher-keys.cjs'));
  const blob = path.join(work, 'rancher-keys.blob');
  const config = path.join(work, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      // A V8 startup snapshot (Node 20.12+): electron/cli/bin.ts and the modules of the lean
      // `kubectl-credential` path are evaluated here, at build time, so a start deserializes them
      // instead of compiling and running them (what kubectl waits for on every call). It replaces
      // `useCodeCache`, which Node ignores with a snapshot.
      useSnapshot: true,
      assets: { 'keytar.node': keytarBinding() },
    }),
  );
  await run(process.execPath, ['--experimental-sea-config', config]);
  rmSync(output, { force: true });
  copyFileSync(process.execPath, output);
  if (process.platform === 'darwin') await run('codesign', ['--remove-signature', output]);
  const postject = path.join(path.dirname(require.resolve('postject/package.json')), 'dist/cli.js');
  await run(
    process.execPath,
    [
      postject,
      output,
      'NODE_SEA_BLOB',
      blob,
      '--sentinel-fuse',
      'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
      ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
    ],
    // postject prints progress and harmless ELF-section warnings; a failure carries its output.
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (process.platform === 'darwin') await run('codesign', ['--sign', '-', output]);
  rmSync(work, { recursive: true, force: true });
  return output;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundleCli();
  if (process.argv.includes('--sea')) {
    const out = await buildCliExecutable();
    console.log(`built ${path.relative(root, out)}`);
  }
}
