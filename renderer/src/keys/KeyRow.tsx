import { memo } from 'react';
import { useStore } from 'zustand';
import type { KeyView } from '../../../electron/contract/keys';
import { formatDate } from '../format/time';
import { Ago, Countdown } from '../ui/Countdown';
import { useStores } from '../ui/stores-context';
import { StateChip } from './StateChip';

/** A DOM id for a key's row (aria-activedescendant points at it). */
export function rowDomId(keyId: string): string {
  return `key-row-${keyId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * One table row. It subscribes to its own selection and cursor flags, so selecting a key or
 * moving the cursor re-renders two rows, not ten thousand.
 */
export const KeyRow = memo(function KeyRow({
  keyView,
  index,
  onCopy,
  onMenu,
}: {
  keyView: KeyView;
  index: number;
  onCopy: (keyId: string) => void;
  onMenu: (keyId: string, anchor: HTMLElement) => void;
}) {
  const { keys } = useStores();
  const id = keyView.id;
  const selected = useStore(keys.store, (s) => s.selected[id] === true);
  const cursor = useStore(keys.store, (s) => s.cursor === id);
  const className = `row${selected ? ' selected' : ''}${cursor ? ' cursor' : ''}`;
  return (
    <div
      role="row"
      id={rowDomId(id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      data-testid="key-row"
      data-key-id={id}
      onClick={() => keys.setCursor(id)}
    >
      <div role="gridcell" className="cell cell-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => keys.toggleSelected(id, e.target.checked)}
          aria-label={`Select ${keyView.description || id}`}
          tabIndex={-1}
        />
      </div>
      <div role="gridcell" className="cell cell-id">
        <span className="mono" title={keyView.preview ?? id}>
          {id}
        </span>
        {keyView.family === 'ext' && <span className="tag">ext</span>}
        {keyView.kind !== 'api_key' && <span className="tag">{keyView.kind}</span>}
        {keyView.isSignInCredential && (
          <span className="tag" title="Rancher Keys signs in with this key">
            sign-in
          </span>
        )}
      </div>
      <div role="gridcell" className="cell cell-desc" title={keyView.description}>
        {keyView.description || <span className="muted">No description</span>}
      </div>
      <div role="gridcell" className="cell cell-labels">
        {keyView.labels.map((l) => (
          <span key={l} className="label-chip">
            {l}
          </span>
        ))}
      </div>
      <div role="gridcell" className="cell cell-scope">
        {keyView.clusterId ? (
          (keyView.clusterName ?? keyView.clusterId)
        ) : (
          <span className="muted">All</span>
        )}
      </div>
      <div role="gridcell" className="cell cell-date">
        <time dateTime={keyView.createdAt ?? undefined}>{formatDate(keyView.createdAt)}</time>
      </div>
      <div role="gridcell" className="cell cell-date">
        <Ago at={keyView.lastUsedAt} />
      </div>
      <div role="gridcell" className="cell cell-expires" data-testid="key-expires">
        <Countdown expiresAt={keyView.expiresAt} />
      </div>
      <div role="gridcell" className="cell cell-state" data-testid="key-state">
        <StateChip keyView={keyView} />
      </div>
      <div role="gridcell" className="cell cell-actions">
        <button
          type="button"
          className="button button-small"
          disabled={!keyView.hasSecret}
          title={keyView.hasSecret ? 'Copy the bearer token' : 'No secret stored for this key'}
          onClick={(e) => {
            e.stopPropagation();
            onCopy(id);
          }}
          tabIndex={cursor ? 0 : -1}
          aria-label={`Copy ${keyView.description || id}`}
        >
          Copy
        </button>
        <button
          type="button"
          className="icon-button"
          aria-haspopup="menu"
          aria-label={`More actions for ${keyView.description || id}`}
          onClick={(e) => {
            e.stopPropagation();
            keys.setCursor(id);
            onMenu(id, e.currentTarget);
          }}
          tabIndex={cursor ? 0 : -1}
          data-testid="row-menu-button"
        >
          ⋯
        </button>
      </div>
    </div>
  );
});
