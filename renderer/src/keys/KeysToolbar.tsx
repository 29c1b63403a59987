import { useMemo } from 'react';
import { useStore } from '../ui/use-store';
import { keyStates } from '../../../electron/contract/constants';
import { useStores } from '../ui/stores-context';
import { allLabels } from './key-query';
import { expiredKeyIds } from './keys-store';
import { stateLabels } from './StateChip';

/** Search, filters, and the actions over many keys (bulk delete, delete expired). */
export function KeysToolbar({
  searchRef,
  onDelete,
  onDeleteExpired,
  onRenameLabel,
  onCopy,
}: {
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** Enter in the search box copies the only matching key. */
  onCopy: (keyId: string) => void;
  onDelete: (keyIds: string[]) => void;
  /** Asks to delete the expired keys (the same confirmation as any delete). */
  onDeleteExpired: (keyIds: string[]) => void;
  /** Opens the rename dialog, starting from the label filtered on, if any. */
  onRenameLabel: (from: string | null) => void;
}) {
  const { keys } = useStores();
  const query = useStore(keys.store, (s) => s.query);
  const list = useStore(keys.store, (s) => s.keys);
  const selected = useStore(keys.store, (s) => s.selected);
  const labels = useMemo(() => allLabels(list), [list]);
  const expired = useMemo(() => expiredKeyIds(list), [list]);
  const selectedIds = Object.keys(selected);

  return (
    <div className="toolbar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        placeholder="Search name, description, labels, cluster  ( / )"
        title="Enter copies the key when only one matches"
        aria-label="Search keys"
        value={query.search}
        onChange={(e) => {
          performance.mark('rk:search-input');
          keys.setQuery({ search: e.target.value });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query.search) {
            e.stopPropagation();
            keys.setQuery({ search: '' });
          } else if (e.key === 'Enter') {
            const shown = keys.selectVisible(keys.store.getState());
            if (shown.length === 1 && shown[0]) {
              e.preventDefault();
              onCopy(shown[0].id);
            }
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="keys-table"]')?.focus();
          }
        }}
        data-testid="search"
      />
      <select
        aria-label="Filter by state"
        value={query.state}
        onChange={(e) => keys.setQuery({ state: e.target.value as typeof query.state })}
      >
        <option value="all">All states</option>
        {keyStates.map((s) => (
          <option key={s} value={s}>
            {stateLabels[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by label"
        value={query.label ?? ''}
        onChange={(e) => keys.setQuery({ label: e.target.value || null })}
      >
        <option value="">All labels</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      {labels.length > 0 && (
        <button
          type="button"
          className="icon-button toolbar-icon"
          onClick={() => onRenameLabel(query.label)}
          aria-label="Rename label…"
          title="Rename label… (on every key that has it)"
          data-testid="rename-label"
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path
              d="M10.8 2.6l2.6 2.6-7.6 7.6-3.2.6.6-3.2zM9.4 4l2.6 2.6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
      <select
        aria-label="Filter by token family"
        value={query.family}
        onChange={(e) => keys.setQuery({ family: e.target.value as typeof query.family })}
      >
        <option value="all">v3 and ext</option>
        <option value="v3">v3 tokens</option>
        <option value="ext">ext tokens</option>
      </select>
      <span className="toolbar-spacer" />
      {selectedIds.length > 0 ? (
        <>
          <span className="muted">{selectedIds.length} selected</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => keys.clearSelection()}
          >
            Clear
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => onDelete(selectedIds)}
            data-testid="bulk-delete"
          >
            Delete selected…
          </button>
        </>
      ) : (
        expired.length > 0 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => onDeleteExpired(expired)}
            data-testid="delete-expired"
            title="Expired keys no longer work; deleting them removes them from the server and your keychain"
          >
            Delete expired keys ({expired.length})…
          </button>
        )
      )}
    </div>
  );
}
