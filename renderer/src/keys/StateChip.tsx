import type { KeyView } from '../../../electron/contract/keys';

const labels: Record<KeyView['state'], string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  disabled: 'Disabled',
  revoked: 'Revoked',
  pending_revocation: 'Pending revocation',
};

/** A key's state; a second chip says when the app holds no secret for it. */
export function StateChip({ keyView }: { keyView: KeyView }) {
  return (
    <span className="chips">
      <span className={`chip chip-${keyView.state}`}>{labels[keyView.state]}</span>
      {!keyView.hasSecret && (
        <span className="chip chip-nosecret" title="Rancher Keys holds no secret for this key">
          No secret stored
        </span>
      )}
    </span>
  );
}

/** The state's words, for filters. */
export const stateLabels = labels;
