import { UsageError } from './io';

/** One `--option` of a command. */
export interface OptionSpec {
  /** Long name without the dashes: `server` for `--server`. */
  name: string;
  /** One-letter alias without the dash: `o` for `-o`. */
  short?: string;
  /** Placeholder of the option's value (`S`, `FILE`); absent for a flag. */
  value?: string;
  help: string;
}

/** A command line taken apart against a command's options. */
export interface ParsedArgs {
  /** Option values by long name (flags are `true`); the last occurrence wins. */
  options: ReadonlyMap<string, string | true>;
  positionals: readonly string[];
  /** The arguments after `--`, or null when there was no `--`. */
  rest: readonly string[] | null;
}

/**
 * Parses `argv` against `specs`: `--name value`, `--name=value`, `-n value`, flags, positionals up
 * to `maxPositionals`, and everything after `--` kept verbatim. Anything else is a usage error
 * (exit 64) that names the offending argument.
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  limits: { maxPositionals: number; rest: boolean },
): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  let rest: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      if (!limits.rest) throw new UsageError('This command takes no command after "--".');
      rest = argv.slice(i + 1);
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      spec = byLong.get(name);
      if (!spec) throw new UsageError(`Unknown option --${printable(name)}.`);
    } else if (arg.length === 2 && arg.startsWith('-') && arg !== '-') {
      spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError(`Unknown option ${printable(arg)}.`);
    } else {
      positionals.push(arg);
      if (positionals.length > limits.maxPositionals) {
        throw new UsageError(`Unexpected argument "${printable(arg)}".`);
      }
      continue;
    }
    if (spec.value === undefined) {
      if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value.`);
      options.set(spec.name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`--${spec.name} needs a value (${spec.value}).`);
    }
    options.set(spec.name, value);
  }
  return { options, positionals, rest };
}

/** The value of an option that takes one; undefined when it was not given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Whether a flag was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

/**
 * Outside text echoed in a message: control characters (terminal escapes, line breaks) and bidi
 * controls (which reorder the rest of the line) shown as `?`, length bounded.
 */
export function printable(text: string, max = 80): string {
  const clean = [...text].map((c) => (isControl(c) ? '?' : c)).join('');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
