// The `rancher-keys` executable: the process around the commands (bundled by scripts/build-cli.mjs
// into dist/cli/rancher-keys.cjs and, at `npm run dist`, into a Node single executable whose V8
// startup snapshot already holds every module below, evaluated at build time).
//
// kubectl runs `kubectl-credential` on every call, so that command takes a lean path: it loads
// only what it needs (its command, the metadata schemas, the keychain store), while every other
// command loads the full command line (help, the command list, yaml, axios) on use.
import { homedir } from 'node:os';
import v8 from 'node:v8';
import { kubectlCredentialCommand } from './commands/kubectl-credential';
import { loadKeytarFromAsset } from './keytar-asset';
import { runCommand, type CliRuntime } from './run-command';
import { selfCommand } from './self-command';

/** Everything that depends on the machine and the call is read here, at run time. */
function main(): void {
  const home = homedir();
  const runtime: CliRuntime = {
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
  };
  const [name, ...rest] = process.argv.slice(2);
  const run =
    name === kubectlCredentialCommand.name
      ? runCommand(kubectlCredentialCommand, rest, runtime)
      : import('./main').then(({ runCli }) => runCli(process.argv.slice(2), runtime));
  run.then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}

// Building the single executable's snapshot (scripts/build-cli.mjs): the imports above are
// evaluated now and kept in the snapshot; main runs when the executable starts.
if (v8.startupSnapshot.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(main);
else main();
