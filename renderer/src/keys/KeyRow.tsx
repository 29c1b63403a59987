import { memo } from 'react';
import { useStore } from '../ui/use-store';
import type { KeyView } from '../../../electron/contract/keys';
import { formatDate } from '../format/time';
import { Ago, Countdown } from '../ui/Countdown';
import { useStores } from '../ui/stores-context';
import { CopyButton } from './CopyButton';
import { keyName } from './key-name';
import { StateChip } from './StateChip';

/** A DOM id for a key's row (aria-activedescendant points at it). */
export function rowDomId(keyId: string): string {
  return `key-row-${keyId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The first label, then "+N" for the rest (all of them in the cell's title, and read out). */
function LabelChips({ labels }: { labels: readonly string[] }) {
  const [first] = labels;
  if (first === undefined) return null;
  return (
    <>
      <span className="label-chip">{first}</span>
      {labels.length > 1 && (
        <span className="label-chip label-more">
          +{labels.length - 1}
          {/* The rest stay readable (and searchable on the page) for assistive tech. */}
          <span className="visually-hidden"> more: {labels.slice(1).join(', ')}</span>
        </span>
      )}
    </>
  );
}

/**
 * One table row. It subscribes to its own selection and cursor flags, so selecting a key or
 * moving the cursor re-renders two rows, not ten thousand.
 */
export const KeyRow = memo(function KeyRow({
  keyView,
  index,
  onCopy,
  onStore,
  onMenu,
}: {
  keyView: KeyView;
  index: number;
  onCopy: (keyId: string) => void;
  /** Opens Import pre-filled with this key's access key, for a key whose secret we lack. */
  onStore: (keyId: string) => void;
  onMenu: (keyId: string, anchor: HTMLElement) => void;
}) {
  const { keys } = useStores();
  const id = keyView.id;
  const name = keyName(keyView);
  const scope = keyView.clusterId ? (keyView.clusterName ?? keyView.clusterId) : null;
  const scopeTitle =
    keyView.clusterId && keyView.clusterName
      ? `${keyView.clusterName} (${keyView.clusterId})`
      : (keyView.clusterId ?? undefined);
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
          aria-label={`Select ${name}`}
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
        {keyView.isDefault && (
          <span
            className="tag"
            title="Default key for tools: rancher-keys uses it when no key is named"
            data-testid="default-key-mark"
          >
            default
          </span>
        )}
      </div>
      <div role="gridcell" className="cell cell-desc" title={keyView.description}>
        {keyView.description || <span className="muted">No description</span>}
      </div>
      <div
        role="gridcell"
        className="cell cell-labels col-labels"
        title={keyView.labels.length > 1 ? keyView.labels.join(', ') : undefined}
      >
        <LabelChips labels={keyView.labels} />
      </div>
      <div role="gridcell" className="cell cell-scope col-scope" title={scopeTitle}>
        {scope ?? <span className="muted">All</span>}
      </div>
      <div role="gridcell" className="cell cell-date col-created">
        <time dateTime={keyView.createdAt ?? undefined}>{formatDate(keyView.createdAt)}</time>
      </div>
      <div role="gridcell" className="cell cell-date col-lastused">
        <Ago at={keyView.lastUsedAt} />
      </div>
      <div role="gridcell" className="cell cell-expires" data-testid="key-expires">
        <Countdown expiresAt={keyView.expiresAt} />
      </div>
      <div role="gridcell" className="cell cell-state" data-testid="key-state">
        <StateChip keyView={keyView} />
      </div>
      <div role="gridcell" className="cell cell-actions">
        {keyView.hasSecret ? (
          <CopyButton
            keyId={id}
            label={name}
            title="Copy the bearer token"
            tabIndex={cursor ? 0 : -1}
            onCopy={onCopy}
          />
        ) : (
          <button
            type="button"
            className="button button-small"
            title="Rancher Keys holds no secret for this key: paste it to store it in your keychain"
            onClick={(e) => {
              e.stopPropagation();
              onStore(id);
            }}
            tabIndex={cursor ? 0 : -1}
            aria-label={`Store secret for ${name}…`}
            data-testid="store-secret"
          >
            Store secret…
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-haspopup="menu"
          aria-label={`More actions for ${name}`}
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
