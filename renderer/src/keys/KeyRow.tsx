import { memo } from 'react';
import type { KeyView } from '../../../electron/contract/keys';
import { formatDate, formatDateTime, formatExpiry } from '../format/time';
import { agoText } from '../ui/Countdown';
import { useTicked, type Tick } from '../ui/tick';
import { keyName } from './key-name';
import { stateChips } from './StateChip';

/** What a click in a row does, from the control clicked (`data-action`), or on the row itself. */
export interface RowClick {
  keyId: string;
  action: 'select' | 'copy' | 'store' | 'menu' | 'row';
  /** The control clicked (the row itself for `row`). */
  element: HTMLElement;
}

/** The row click `target` is inside, if any (a row of the keys table is marked `data-key-id`). */
export function rowClick(target: EventTarget | null): RowClick | null {
  if (!(target instanceof Element)) return null;
  const row = target.closest<HTMLElement>('[data-key-id]');
  const keyId = row?.dataset.keyId;
  if (!row || keyId === undefined) return null;
  const control = target.closest<HTMLElement>('[data-action]');
  const action = control && row.contains(control) ? control.dataset.action : undefined;
  switch (action) {
    case 'select':
    case 'copy':
    case 'store':
    case 'menu':
      return { keyId, action, element: control! };
    default:
      return { keyId, action: 'row', element: row };
  }
}

/** A DOM id for a key's row (aria-activedescendant points at it). */
export function rowDomId(keyId: string): string {
  return `key-row-${keyId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The first label, then "+N" for the rest (all of them in the cell's title, and read out). */
function labelChips(labels: readonly string[]) {
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
 * One table row. It is memoised and gets its selection, cursor and "Copied" flags from the table,
 * so selecting a key or moving the cursor re-renders two rows, not every mounted one. A row is one
 * component with one subscription (the clock, for its two relative times) and no listeners: its
 * clicks are handled by the table ({@link rowClick}), which finds the row by `data-key-id` and the
 * control by `data-action`. The first screen mounts ~25 rows cold, and every component,
 * subscriber and listener more per row was paid ~25 times there.
 */
export const KeyRow = memo(function KeyRow({
  keyView,
  index,
  selected,
  cursor,
  copied,
  tick,
}: {
  keyView: KeyView;
  index: number;
  selected: boolean;
  /** The keyboard cursor is on this row: its buttons are the ones in the tab order. */
  cursor: boolean;
  /** The key was just copied: its Copy button says so for a moment. */
  copied: boolean;
  tick: Tick;
}) {
  const id = keyView.id;
  const { lastUsedAt, expiresAt } = keyView;
  const name = keyName(keyView);
  const scope = keyView.clusterId ? (keyView.clusterName ?? keyView.clusterId) : null;
  const scopeTitle =
    keyView.clusterId && keyView.clusterName
      ? `${keyView.clusterName} (${keyView.clusterId})`
      : (keyView.clusterId ?? undefined);
  // Both relative times in one subscription; the row re-renders when either text changes.
  const [ago, left] = useTicked(
    tick,
    (now) => `${agoText(lastUsedAt, now)}\n${formatExpiry(expiresAt, now)}`,
  ).split('\n');
  const className = `row${selected ? ' selected' : ''}${cursor ? ' cursor' : ''}`;
  const copyWord = copied ? 'Copied ✓' : 'Copy';
  return (
    <div
      role="row"
      id={rowDomId(id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      data-testid="key-row"
      data-key-id={id}
    >
      <div role="gridcell" className="cell cell-select">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${name}`}
          tabIndex={-1}
          data-action="select"
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
      <div
        role="gridcell"
        className={keyView.description ? 'cell cell-desc' : 'cell cell-desc muted'}
        title={keyView.description}
      >
        {keyView.description || 'No description'}
      </div>
      <div
        role="gridcell"
        className="cell cell-labels col-labels"
        title={keyView.labels.length > 1 ? keyView.labels.join(', ') : undefined}
      >
        {labelChips(keyView.labels)}
      </div>
      <div
        role="gridcell"
        className={scope ? 'cell cell-scope col-scope' : 'cell cell-scope col-scope muted'}
        title={scopeTitle}
      >
        {scope ?? 'All'}
      </div>
      {/* Times as the cells' text, the exact time on hover: no <time> element inside each. */}
      <div role="gridcell" className="cell cell-date col-created">
        {formatDate(keyView.createdAt)}
      </div>
      <div
        role="gridcell"
        className="cell cell-date col-lastused"
        title={lastUsedAt ? formatDateTime(lastUsedAt) : undefined}
      >
        {ago}
      </div>
      <div
        role="gridcell"
        className="cell cell-expires"
        title={expiresAt ? formatDateTime(expiresAt) : 'Never expires'}
        data-testid="key-expires"
      >
        {left}
      </div>
      <div role="gridcell" className="cell cell-state" data-testid="key-state">
        {stateChips(keyView)}
      </div>
      <div role="gridcell" className="cell cell-actions">
        {keyView.hasSecret ? (
          <button
            type="button"
            className={
              copied ? 'button button-small copy-button copied' : 'button button-small copy-button'
            }
            title="Copy the bearer token"
            tabIndex={cursor ? 0 : -1}
            // The visible word first, then which key ("Copy ci pipeline"), as one name.
            aria-label={`${copyWord} ${name}`}
            data-testid="copy"
            data-action="copy"
          >
            {copyWord}
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            title="Rancher Keys holds no secret for this key: paste it to store it in your keychain"
            tabIndex={cursor ? 0 : -1}
            aria-label={`Store secret for ${name}…`}
            data-testid="store-secret"
            data-action="store"
          >
            Store secret…
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-haspopup="menu"
          aria-label={`More actions for ${name}`}
          tabIndex={cursor ? 0 : -1}
          data-testid="row-menu-button"
          data-action="menu"
        >
          ⋯
        </button>
      </div>
    </div>
  );
});
