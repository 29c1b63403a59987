import { useCallback, useLayoutEffect, useRef } from 'react';
import { useStore } from '../ui/use-store';
import type { KeyView } from '../../../electron/contract/keys';
import { afterPaint } from '../ui/after-paint';
import { useStores } from '../ui/stores-context';
import { VirtualList } from '../ui/VirtualList';
import type { SortColumn } from './key-query';
import { KeyRow, rowClick, rowDomId } from './KeyRow';
import { useWarmRowUpdates } from './use-warm-row-updates';

/** Row height in px; must match `.keys-grid .row` in the CSS. */
export const ROW_HEIGHT = 36;

/** Columns in order; `col-*` classes mark the ones that drop as the view narrows (keys.css). */
const columns: ReadonlyArray<{ id: SortColumn | null; label: string; className: string }> = [
  { id: 'id', label: 'Access key', className: 'cell-id' },
  { id: 'description', label: 'Description', className: 'cell-desc' },
  { id: null, label: 'Labels', className: 'cell-labels col-labels' },
  { id: null, label: 'Scope', className: 'cell-scope col-scope' },
  { id: 'createdAt', label: 'Created', className: 'cell-date col-created' },
  { id: 'lastUsedAt', label: 'Last used', className: 'cell-date col-lastused' },
  { id: 'expiresAt', label: 'Expires', className: 'cell-expires' },
  { id: 'state', label: 'State', className: 'cell-state' },
];

/**
 * The keys grid: sortable headers, a virtualised body, and keyboard control (arrows move the
 * cursor, Space selects, Enter copies, Delete deletes the selection).
 */
export function KeysTable({
  serverName,
  onCopy,
  onStore,
  onMenu,
  onDelete,
}: {
  serverName: string;
  onCopy: (keyId: string) => void;
  onStore: (keyId: string) => void;
  onMenu: (keyId: string, anchor: HTMLElement) => void;
  onDelete: (keyIds: string[]) => void;
}) {
  const { keys, tick } = useStores();
  const visible = useStore(keys.store, keys.selectVisible);
  const sort = useStore(keys.store, (s) => s.query.sort);
  const cursor = useStore(keys.store, (s) => s.cursor);
  // The rows' flags, read here once rather than by each row: a row re-renders only when its own
  // flags change (KeyRow is memoised).
  const selected = useStore(keys.store, (s) => s.selected);
  const copied = useStore(keys.store, (s) => s.copied);
  const selectedCount = Object.keys(selected).length;
  const firstRender = useRef(true);
  const wholeRender = useRef(true);

  // Marks for the renderer benchmark (bench/renderer.bench.ts): first rows committed and then
  // painted, and each search keystroke's commit. Cheap enough to keep in the product.
  useLayoutEffect(() => {
    if (visible.length > 0 && firstRender.current) {
      firstRender.current = false;
      performance.mark('rk:keys-rendered');
      void afterPaint().then(() => performance.mark('rk:keys-painted'));
    }
    // …and the rows once every key of a long list is in (it comes after its first screen).
    const { keys: all, total } = keys.store.getState();
    if (visible.length > 0 && wholeRender.current && all.length >= total) {
      wholeRender.current = false;
      performance.mark('rk:keys-all-rendered');
    }
    if (performance.getEntriesByName('rk:search-input', 'mark').length > 0) {
      performance.measure('rk:search', 'rk:search-input');
      performance.clearMarks('rk:search-input');
    }
  }, [visible, keys.store]);

  const warmOffset = useWarmRowUpdates(visible.length > 1);
  const cursorIndex = cursor === null ? -1 : visible.findIndex((k) => k.id === cursor);
  const allSelected = visible.length > 0 && selectedCount >= visible.length;

  // Keyed by slot, not by access key: a keystroke that replaces every visible row then updates
  // the mounted rows in place rather than unmounting and mounting ~30 of them.
  const renderRow = useCallback(
    (index: number, slot: number) => {
      const key = visible[(index + warmOffset) % visible.length] as KeyView;
      return (
        <KeyRow
          key={slot}
          keyView={key}
          index={index}
          selected={selected[key.id] === true}
          cursor={cursor === key.id}
          copied={copied === key.id}
          tick={tick}
        />
      );
    },
    [visible, warmOffset, selected, cursor, copied, tick],
  );

  function move(to: number) {
    const key = visible[Math.max(0, Math.min(visible.length - 1, to))];
    if (key) keys.setCursor(key.id);
  }

  // Every row's clicks, in one listener (rows have none of their own: see KeyRow). A click on the
  // row selects it as the cursor; on its checkbox it also selects the key (the browser has toggled
  // the box already); its buttons copy, store a secret or open the menu without moving the cursor,
  // but for the menu, which acts on the row.
  function onClick(event: React.MouseEvent) {
    const click = rowClick(event.target);
    if (!click) return;
    const { keyId, action, element } = click;
    if (action === 'copy') return onCopy(keyId);
    if (action === 'store') return onStore(keyId);
    if (action === 'select') keys.toggleSelected(keyId, (element as HTMLInputElement).checked);
    keys.setCursor(keyId);
    if (action === 'menu') onMenu(keyId, element);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.target !== event.currentTarget) return;
    const page = 10;
    switch (event.key) {
      case 'ArrowDown':
        move(cursorIndex + 1);
        break;
      case 'ArrowUp':
        move(cursorIndex < 0 ? 0 : cursorIndex - 1);
        break;
      case 'PageDown':
        move(cursorIndex + page);
        break;
      case 'PageUp':
        move(cursorIndex - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(visible.length - 1);
        break;
      case ' ':
        if (cursor) keys.toggleSelected(cursor);
        break;
      case 'Enter':
        if (cursor) onCopy(cursor);
        break;
      case 'Delete': {
        const ids = Object.keys(keys.store.getState().selected);
        if (ids.length) onDelete(ids);
        else if (cursor) onDelete([cursor]);
        break;
      }
      case 'ContextMenu': {
        const row = cursor ? document.getElementById(rowDomId(cursor)) : null;
        const button = row?.querySelector<HTMLElement>('[aria-haspopup="menu"]');
        if (cursor && button) onMenu(cursor, button);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div
      role="grid"
      aria-label={`Keys of ${serverName}`}
      aria-rowcount={visible.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={cursor && cursorIndex >= 0 ? rowDomId(cursor) : undefined}
      tabIndex={0}
      className="keys-grid"
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && cursorIndex < 0) move(0);
      }}
      data-testid="keys-table"
    >
      <div role="rowgroup" className="thead">
        <div role="row" aria-rowindex={1} className="row header">
          <div role="columnheader" className="cell cell-select">
            <input
              type="checkbox"
              aria-label="Select all shown keys"
              checked={allSelected}
              onChange={(e) =>
                e.target.checked ? keys.selectAll(visible.map((k) => k.id)) : keys.clearSelection()
              }
            />
          </div>
          {columns.map((c) => (
            <div
              key={c.label}
              role="columnheader"
              className={`cell ${c.className}`}
              aria-sort={
                c.id && sort.column === c.id
                  ? sort.dir === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {c.id ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => keys.toggleSort(c.id as SortColumn)}
                >
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sort.column === c.id ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
          <div role="columnheader" className="cell cell-actions">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="tbody">
        <VirtualList
          count={visible.length}
          rowHeight={ROW_HEIGHT}
          renderRow={renderRow}
          scrollToIndex={cursorIndex}
          className="virtual-scroll"
        />
      </div>
    </div>
  );
}
