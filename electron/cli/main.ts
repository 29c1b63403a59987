import { defaultDataDir } from '../core/data-dir';
import type { KeytarLike } from '../core/vault/keytar-secret-store';
import { defaultKeychainService } from '../core/vault/secret-store';
import { optionValue, parseArgs, printable } from './args';
import { createCliContext } from './cli-context';
import { commandHelp, globalOptions } from './command';
import { commands } from './commands';
import { CliError, EXIT, UsageError, type CliIo } from './io';
import type { SelfCommand } from './self-command';
import { CLI_VERSION } from './version';

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

/** What the entry point provides besides the process streams. */
export interface CliRuntime {
  io: CliIo;
  self: SelfCommand;
  loadKeytar?: () => KeytarLike | null;
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
    const command = await entry.load();
    const args = parseArgs(rest, [...command.options, ...globalOptions], {
      maxPositionals: command.maxPositionals,
      rest: command.rest ?? false,
    });
    if (args.options.has('help')) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    const named = optionValue(args, 'data-dir') ?? io.env.RANCHER_KEYS_DATA_DIR;
    const ctx = createCliContext({
      io,
      dataDir: named ?? defaultDataDir(io.platform, io.env, io.home),
      dataDirGiven: named !== undefined,
      keychainService:
        optionValue(args, 'keychain-service') ??
        io.env.RANCHER_KEYS_KEYCHAIN_SERVICE ??
        defaultKeychainService,
      self: runtime.self,
      ...(runtime.loadKeytar ? { loadKeytar: runtime.loadKeytar } : {}),
    });
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `rancher-keys: ${error.message} See rancher-keys ${name && commands.some((c) => c.name === name) ? `${name} ` : ''}--help.\n`,
      );
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`rancher-keys: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`rancher-keys: ${printable(message.split('\n')[0] ?? '', 300)}\n`);
    return EXIT.failure;
  }
}
