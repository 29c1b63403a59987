import { optionValue, printable } from '../args';
import { serverOption, type Command } from '../command';
import { UsageError } from '../io';
import { usableBearer } from '../key-access';
import { defaultShell, exportLine, keyVariables, shells, type Shell } from '../shell-exports';

/** `rancher-keys env`: quoted exports for `eval`. */
export const envCommand: Command = {
  name: 'env',
  summary: 'Print RANCHER_URL / RANCHER_TOKEN exports for eval',
  usage: ['env [--server S] [KEY] [--shell bash|zsh|fish|powershell]'],
  description: [
    'Prints RANCHER_URL, RANCHER_TOKEN, RANCHER_ACCESS_KEY and RANCHER_SECRET_KEY for KEY (or the default key) as assignments for your shell, quoted for eval. They apply to the current shell only.',
  ],
  options: [
    serverOption,
    {
      name: 'shell',
      value: 'SHELL',
      help: 'bash, zsh, sh, fish or powershell (default: $SHELL, PowerShell on Windows).',
    },
  ],
  maxPositionals: 1,
  examples: [
    'eval "$(rancher-keys env)"',
    'rancher-keys env --shell fish | source',
    'rancher-keys env --shell powershell | Invoke-Expression',
  ],
  async run(ctx, args) {
    const requested = optionValue(args, 'shell');
    if (requested !== undefined && !(shells as readonly string[]).includes(requested)) {
      throw new UsageError(
        `--shell takes bash, zsh, sh, fish or powershell, not "${printable(requested)}".`,
      );
    }
    const shell =
      (requested as Shell | undefined) ?? defaultShell(ctx.io.platform, ctx.io.env.SHELL);
    const key = await usableBearer(ctx, optionValue(args, 'server'), args.positionals[0]);
    const lines = keyVariables(key.server.origin, key.keyId, key.bearer).map(([n, v]) =>
      exportLine(shell, n, v),
    );
    ctx.io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
