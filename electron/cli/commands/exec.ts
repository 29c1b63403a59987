import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { optionValue } from '../args';
import { serverOption, type Command } from '../command';
import { CliError, UsageError } from '../io';
import { usableBearer } from '../key-access';
import { keyVariables } from '../shell-exports';

const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** `rancher-keys exec -- CMD…`: the key's variables in CMD's environment only. */
export const execCommand: Command = {
  name: 'exec',
  summary: "Run a command with a key's variables in its environment only",
  usage: ['exec [--server S] [KEY] -- CMD [ARGS…]'],
  description: [
    'Runs CMD with RANCHER_URL, RANCHER_TOKEN, RANCHER_ACCESS_KEY and RANCHER_SECRET_KEY of KEY (or the default key) added to its environment. Your shell, its environment and every file stay untouched.',
  ],
  options: [serverOption],
  maxPositionals: 1,
  rest: true,
  exitCodes: [
    "N   CMD's own exit code (128 + signal number when a signal ended it)",
    '1   the key cannot be used (one line on stderr says why)',
    '127 CMD could not be started',
  ],
  examples: [
    'rancher-keys exec -- terraform apply',
    'rancher-keys exec --server prod ci-key -- ./deploy.sh',
  ],
  async run(ctx, args) {
    const [cmd, ...cmdArgs] = args.rest ?? [];
    if (!cmd) throw new UsageError('Name the command to run after "--": rancher-keys exec -- CMD.');
    const key = await usableBearer(ctx, optionValue(args, 'server'), args.positionals[0]);
    const env: Record<string, string | undefined> = { ...ctx.io.env };
    for (const [name, value] of keyVariables(key.server.origin, key.keyId, key.bearer))
      env[name] = value;
    return runChild(cmd, cmdArgs, env);
  },
};

/** Runs the child with our stdio, passing on the signals a terminal sends, and reports its end. */
function runChild(
  cmd: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    const relay = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of forwarded) process.on(signal, relay);
    const done = () => {
      for (const signal of forwarded) process.off(signal, relay);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      done();
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(
          new CliError(
            `Could not start ${cmd} (${error.code === 'ENOENT' ? 'not found' : 'not executable'}).`,
            127,
          ),
        );
      } else reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? signalNumber(signal) : 0));
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal] ?? 1;
}
