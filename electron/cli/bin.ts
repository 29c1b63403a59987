// The `rancher-keys` executable: the process around runCli (bundled by scripts/build-cli.mjs into
// dist/cli/rancher-keys.cjs and, at `npm run dist`, into a Node single executable).
import { homedir } from 'node:os';
import { loadKeytarFromAsset } from './keytar-asset';
import { runCli } from './main';
import { selfCommand } from './self-command';

const home = homedir();
runCli(process.argv.slice(2), {
  io: {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    platform: process.platform,
    home,
    now: () => Date.now(),
  },
  self: selfCommand(process.argv[1]),
  loadKeytar: () => loadKeytarFromAsset(home),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
