import type { KeyView } from '../../../electron/contract/keys';
import { formatDateTime } from '../format/time';
import { useStores } from '../ui/stores-context';
import { useTicked } from '../ui/tick';
import './keys.css';

const labels: Record<KeyView['state'], string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  disabled: 'Disabled',
  revoked: 'Revoked',
  pending_revocation: 'Pending revocation',
};

/** Whether `key`'s expiry warnings are snoozed at `now`. */
export function isSnoozed(key: Pick<KeyView, 'snoozedUntil'>, now: number): boolean {
  return key.snoozedUntil !== null && Date.parse(key.snoozedUntil) > now;
}

/** A bell with a line through it: warnings for this key are snoozed. */
function SnoozedMark({ until }: { until: string }) {
  const { tick } = useStores();
  const active = useTicked(tick, (now) => Date.parse(until) > now);
  if (!active) return null;
  const text = `Warnings snoozed until ${formatDateTime(until)}`;
  return (
    <span
      className="chip chip-compact chip-snoozed"
      role="img"
      aria-label={text}
      title={text}
      data-testid="snoozed-mark"
    >
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path
          d="M8 2.2a3.6 3.6 0 0 0-3.6 3.6v2.6L3 10.6h10l-1.4-2.2V5.8A3.6 3.6 0 0 0 8 2.2zM6.6 12a1.4 1.4 0 0 0 2.8 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
        <path d="M2.5 2.5l11 11" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/**
 * A key's state; a compact second chip says when the app holds no secret for it, and a bell mark
 * when its expiry warnings are snoozed (the date is on hover and in the accessible name). The
 * secondary chips are short so all three fit the dense row; if space still runs out, the state
 * chip shortens with an ellipsis (its full words on hover) rather than the cell clipping.
 */
export function StateChip({ keyView }: { keyView: KeyView }) {
  return stateChips(keyView);
}

/** What `StateChip` renders, for the keys table's rows (one component fewer in each). */
export function stateChips(keyView: KeyView) {
  return (
    <span className="chips">
      <span className={`chip chip-${keyView.state}`} title={labels[keyView.state]}>
        {labels[keyView.state]}
      </span>
      {!keyView.hasSecret && (
        <span
          className="chip chip-compact chip-nosecret"
          title="No secret stored: Rancher Keys holds no secret for this key"
        >
          No secret<span className="visually-hidden"> stored</span>
        </span>
      )}
      {keyView.snoozedUntil && <SnoozedMark until={keyView.snoozedUntil} />}
    </span>
  );
}

/** The state's words, for filters. */
export const stateLabels = labels;
