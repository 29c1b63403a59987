import { formatDateTime, formatExpiry } from '../format/time';
import { useStores } from './stores-context';
import { useTicked } from './tick';

/** Time left until `expiresAt`, ticking on its own; the absolute time is on hover. */
export function Countdown({ expiresAt }: { expiresAt: string | null }) {
  const { tick } = useStores();
  const text = useTicked(tick, (now) => formatExpiry(expiresAt, now));
  return (
    <time
      dateTime={expiresAt ?? undefined}
      title={expiresAt ? formatDateTime(expiresAt) : 'Never expires'}
    >
      {text}
    </time>
  );
}

/** "5m ago"-style text that stays current. */
export function Ago({ at }: { at: string | null }) {
  const { tick } = useStores();
  const text = useTicked(tick, (now) => agoText(at, now));
  return (
    <time dateTime={at ?? undefined} title={at ? formatDateTime(at) : undefined}>
      {text}
    </time>
  );
}

/** How long before `now` `at` was, in its largest whole unit: "5m ago", "just now", "never". */
export function agoText(at: string | null, now: number): string {
  if (at === null) return 'never';
  const ms = now - Date.parse(at);
  if (Number.isNaN(ms)) return 'unknown';
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)}m ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)}h ago`;
  return `${Math.floor(ms / 86_400_000)}d ago`;
}
