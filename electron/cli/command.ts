import type { OptionSpec, ParsedArgs } from './args';
import type { CliContext } from './cli-context';

/** One subcommand of `rancher-keys`: its help and what it does. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage lines without the program name: `token [--server S] [KEY]`. */
  usage: readonly string[];
  /** Paragraphs shown by `--help` after the usage. */
  description: readonly string[];
  options: readonly OptionSpec[];
  maxPositionals: number;
  /** Takes a command after `--`. */
  rest?: boolean;
  /** Exit codes beyond the common ones, as `code: meaning` lines. */
  exitCodes?: readonly string[];
  examples?: readonly string[];
  /** Runs the command; resolves to the exit code. Throws {@link CliError} for expected failures. */
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

/** Options every command accepts. */
export const globalOptions: readonly OptionSpec[] = [
  {
    name: 'data-dir',
    value: 'DIR',
    help: "Rancher Keys' data directory (default: the app's; env RANCHER_KEYS_DATA_DIR).",
  },
  {
    name: 'keychain-service',
    value: 'NAME',
    help: 'Keychain service name (default rancher-keys; env RANCHER_KEYS_KEYCHAIN_SERVICE).',
  },
  { name: 'help', short: 'h', help: 'Show this help.' },
];

/** The `--server` option most commands share. */
export const serverOption: OptionSpec = {
  name: 'server',
  value: 'S',
  help: 'Server by name, address or id (default: the active server).',
};

/** The `--json` option. */
export const jsonOption: OptionSpec = { name: 'json', help: 'Print JSON instead of text.' };

/** `rancher-keys <command> --help`. */
export function commandHelp(command: Command): string {
  const lines = [
    ...command.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}rancher-keys ${u}`),
    '',
    ...command.description.flatMap((p) => [p, '']),
    'Options:',
    ...[...command.options, ...globalOptions].map((o) => {
      const names = `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`;
      return `  ${names.padEnd(26)} ${o.help}`;
    }),
    '',
    'Exit codes:',
    '  0   success',
    ...(command.exitCodes ?? ['1   failure (one line on stderr says what to do)']).map(
      (l) => `  ${l}`,
    ),
    '  64  usage error',
  ];
  if (command.examples?.length) {
    lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  }
  return `${lines.join('\n')}\n`;
}
