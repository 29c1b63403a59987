import { defaultDataDir } from '../core/data-dir';
import type { KeytarLike } from '../core/vault/keytar-secret-store';
import { defaultKeychainService } from '../core/vault/secret-store';
import { optionValue, parseArgs, printable } from './args';
import { createCliContext } from './cli-context';
import { commandHelp, globalOptions, type Command } from './command';
import { CliError, EXIT, UsageError, type CliIo } from './io';
import type { SelfCommand } from './self-command';

/** What the entry point provides besides the process streams. */
export interface CliRuntime {
  io: CliIo;
  self: SelfCommand;
  loadKeytar?: () => KeytarLike | null;
}

/** Longest message printed, in code points: every sentence we write fits; a quoted name is cut. */
const MESSAGE_MAX = 1000;

/**
 * Prints an error the way every command does: one sentence on stderr, usage errors pointing at
 * `--help` (of `command` when known), never a stack or a secret. Resolves to the exit code.
 */
export function reportError(io: CliIo, error: unknown, command: string | null): number {
  // Messages quote names from files on disk (a server's name): one line, no escapes, whatever they hold.
  if (error instanceof UsageError) {
    io.stderr(
      `rancher-keys: ${printable(error.message, MESSAGE_MAX)} See rancher-keys ${command ? `${command} ` : ''}--help.\n`,
    );
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr(`rancher-keys: ${printable(error.message, MESSAGE_MAX)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`rancher-keys: ${printable(message.split('\n')[0] ?? '', 300)}\n`);
  return EXIT.failure;
}

/**
 * Runs one known command with its arguments (after the command name): parses them against its
 * options and the global ones, answers `--help`, and builds the context from `--data-dir`,
 * `--keychain-service` or their environment variables. Both the full command line (main.ts) and
 * the lean `kubectl-credential` entry come through here, so they parse and fail alike.
 */
export async function runCommand(
  command: Command,
  argv: readonly string[],
  runtime: CliRuntime,
): Promise<number> {
  const { io } = runtime;
  try {
    const args = parseArgs(argv, [...command.options, ...globalOptions], {
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
    return reportError(io, error, command.name);
  }
}
