// `npm run -s rancher-keys -- ARGS`: runs the command from a checkout. The bundle
// (dist/cli/rancher-keys.cjs) is rebuilt when a source is newer, then run by this Node, so the
// kubeconfigs it writes call `node <checkout>/dist/cli/rancher-keys.cjs` by absolute path (or the
// native credential helper, dist/cli/rancher-keys-credential, when Go could build it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleCli, cliBundle, cliSourceDirs } from './build-cli.mjs';
import {
  buildCredentialHelper,
  goAvailable,
  helperExecutable,
  helperSourcesTime,
} from './build-native.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const built = (() => {
  try {
    return statSync(cliBundle).mtimeMs;
  } catch {
    return 0;
  }
})();
if (built < Math.max(...cliSourceDirs.map(newestSource))) await bundleCli();
// The native credential helper beside the bundle, which the kubeconfigs written from here run
// (electron/core/kubeconfig/credential-helper.ts); without Go they run the bundle instead.
const helperBuilt = (() => {
  try {
    return statSync(helperExecutable).mtimeMs;
  } catch {
    return 0;
  }
})();
if (helperBuilt < helperSourcesTime() && goAvailable()) await buildCredentialHelper();
const run = spawnSync(process.execPath, [cliBundle, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
