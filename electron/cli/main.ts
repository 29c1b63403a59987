import { printable } from './args';
import { commandHelp } from './command';
import { commands } from './commands';
import { EXIT, UsageError } from './io';
import { reportError, runCommand, type CliRuntime } from './run-command';
import { CLI_VERSION } from './version';

export type { CliRuntime };

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: rancher-keys <command> [options]',
    '',
    'Your Rancher API keys from Rancher Keys (the OS keychain), where you use them: scripts, shells, kubectl.',
    "Reads the app's data directory (read only) and the keychain; never writes a secret to a file.",
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --data-dir DIR, --keychain-service NAME, -h/--help.',
    'Exit codes: 0 success, 1 failure (one line on stderr says what to do), 2 check: a key expired, 64 usage error.',
    "Run rancher-keys <command> --help for a command's options.",
    '',
  ].join('\n');
}

/**
 * Runs one `rancher-keys` invocation; resolves to the exit code. Expected failures print one
 * sentence on stderr; an unexpected one prints its message only (never a stack or a secret).
 */
export async function runCli(argv: readonly string[], runtime: CliRuntime): Promise<number> {
  const { io } = runtime;
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const entry = topic === undefined ? undefined : commands.find((c) => c.name === topic);
      io.stdout(entry ? commandHelp(await entry.load()) : overview());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === 'version') {
      io.stdout(`rancher-keys ${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    const entry = commands.find((c) => c.name === name);
    if (!entry)
      throw new UsageError(
        `Unknown command "${printable(name)}"; run rancher-keys --help for the list.`,
      );
    return await runCommand(await entry.load(), rest, runtime);
  } catch (error) {
    return reportError(io, error, null);
  }
}
