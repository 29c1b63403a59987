// `npm run dist`: installers for the host OS. Checks the Node version first (Electron 45's packaging
// tools need 22.12; everything else works on 20.19), builds dist/ and the `rancher-keys` command, then
// runs electron-builder with build/electron-builder.yml and the signing choice for macOS below.
import { spawnSync } from 'node:child_process';
import { buildAll } from './build.mjs';
import { buildCredentialHelper, goAvailable, noGoMessage } from './build-native.mjs';
import { isMain, isOlderThan } from './setup.mjs';

/** The oldest Node that Electron 45's packaging tools (@electron/rebuild, node-abi, @electron/get) accept. */
export const distNodeMinimum = [22, 12];

/**
 * One sentence when this Node is too old to package, or null when it will do.
 * @param {string} version `process.versions.node`
 * @returns {string | null}
 */
export function nodeTooOld(version) {
  if (!isOlderThan(version, distNodeMinimum)) return null;
  return `npm run dist needs Node.js ${distNodeMinimum.join('.')} or newer (Electron 45's packaging tools require it), but this is Node.js ${version}; developing and testing work on Node.js 20.19+.`;
}

/**
 * electron-builder arguments for macOS signing. With a Developer ID in the environment
 * (CSC_LINK or CSC_NAME) electron-builder signs with it, under the hardened runtime, and notarises
 * when Apple credentials are set. Without one it would skip signing, and an unsigned app gets no
 * notifications and is reported "damaged" on Apple Silicon, so it is signed ad hoc instead; the
 * hardened runtime is left off then, as ad-hoc code has no team id for library validation to match.
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function macSigningArgs(platform, env) {
  if (platform !== 'darwin') return [];
  if (env.CSC_LINK || env.CSC_NAME) return [];
  return ['-c.mac.identity=-', '-c.mac.hardenedRuntime=false'];
}

if (isMain(import.meta.url)) {
  const tooOld = nodeTooOld(process.versions.node);
  if (tooOld) {
    console.error(tooOld);
    process.exit(1);
  }
  await buildAll();
  // The `rancher-keys` command, as a single executable (shipped as resources/bin).
  const cli = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--sea'], { stdio: 'inherit' });
  if (cli.status !== 0) process.exit(cli.status ?? 1);
  // The native kubectl credential helper beside it (kubeconfigs run it; without Go they run the
  // command above, and this says so).
  if (goAvailable()) await buildCredentialHelper();
  else
    console.warn(`dist: ${noGoMessage} The installers fall back to the Node command for kubectl.`);
  const args = [
    'electron-builder',
    '--config',
    'build/electron-builder.yml',
    '--publish',
    'never',
    ...macSigningArgs(process.platform, process.env),
    ...process.argv.slice(2),
  ];
  const result = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
