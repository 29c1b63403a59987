import type { ExpiryChoice } from '../../../electron/contract/keys';
import { formatDuration, time, unitMs, type DurationUnit } from '../format/time';

export interface ExpiryPreset {
  id: string;
  label: string;
  choice: ExpiryChoice;
}

const base = [
  { id: '1d', ms: time.DAY },
  { id: '7d', ms: 7 * time.DAY },
  { id: '30d', ms: 30 * time.DAY },
  { id: '90d', ms: 90 * time.DAY },
  { id: '1y', ms: 365 * time.DAY },
];

/** A server maximum of 0 (or none) means keys may live for ever. */
function effectiveMax(maxTtlMs: number | null): number | null {
  return maxTtlMs && maxTtlMs > 0 ? maxTtlMs : null;
}

/**
 * Expiry choices for a server: the usual lifetimes below its maximum, then "Maximum allowed: …";
 * "Never expires" only when the server sets no maximum (it would be refused or shortened otherwise).
 */
export function expiryPresets(maxTtlMs: number | null): ExpiryPreset[] {
  const max = effectiveMax(maxTtlMs);
  const presets: ExpiryPreset[] = base
    .filter((p) => max === null || p.ms < max)
    .map((p) => ({
      id: p.id,
      label: p.id === '1y' ? '1 year' : formatDuration(p.ms),
      choice: { kind: 'duration', ms: p.ms },
    }));
  presets.push(
    max === null
      ? { id: 'never', label: 'Never expires', choice: { kind: 'never' } }
      : {
          id: 'max',
          label: `Maximum allowed: ${formatDuration(max)}`,
          choice: { kind: 'max' },
        },
  );
  return presets;
}

/** The preset selected when the dialog opens: 30 days where allowed, else the maximum. */
export function defaultPresetId(maxTtlMs: number | null): string {
  return expiryPresets(maxTtlMs).some((p) => p.id === '30d') ? '30d' : 'max';
}

/** A custom lifetime, checked against the one-minute minimum and the server's maximum. */
export function customExpiry(
  value: string,
  unit: DurationUnit,
  maxTtlMs: number | null,
): { choice: ExpiryChoice } | { error: string } {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n <= 0) return { error: 'Enter a positive number.' };
  const ms = Math.round(n * unitMs(unit));
  if (ms < time.MINUTE) return { error: 'The shortest expiry is one minute.' };
  const max = effectiveMax(maxTtlMs);
  if (max !== null && ms > max) {
    return { error: `This server allows at most ${formatDuration(max)}.` };
  }
  if (ms > 100 * 365 * time.DAY) return { error: 'That is longer than a hundred years.' };
  return { choice: { kind: 'duration', ms } };
}
