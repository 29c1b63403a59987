import { UsageError } from './io';

const units: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** Parses `30m`, `12h`, `7d`, `2w` (up to ten years) into milliseconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (units[match[2] as string] as number) : NaN;
  if (!Number.isFinite(ms) || ms > 3650 * 86_400_000) {
    throw new UsageError(`--${option} takes a duration such as 30m, 12h, 7d or 2w.`);
  }
  return ms;
}
