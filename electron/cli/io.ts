/** What the command touches of its process: streams, environment, platform, clock. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
  now(): number;
}

/** Exit codes shared by every command (README, `rancher-keys --help`). */
export const EXIT = { ok: 0, failure: 1, expired: 2, usage: 64 } as const;

/**
 * An expected failure: one sentence for stderr, naming the fix, and the exit code. Never carries
 * a secret.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

/** A command line that does not parse (exit 64). */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Rows as aligned columns (the last column is not padded). */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** JSON for `--json` output: two-space indented, newline-terminated. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 3 days", "5 hours ago": how far `at` is from `now`, in the largest whole unit. */
export function relativeTime(at: number, now: number): string {
  const delta = at - now;
  const abs = Math.abs(delta);
  const [n, unit] =
    abs >= 2 * DAY
      ? [Math.floor(abs / DAY), 'day']
      : abs >= 2 * HOUR
        ? [Math.floor(abs / HOUR), 'hour']
        : [Math.max(1, Math.floor(abs / MINUTE)), 'minute'];
  const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return delta >= 0 ? `in ${text}` : `${text} ago`;
}

/** An instant as `2026-12-07 14:05 UTC`. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
