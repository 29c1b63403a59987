import { useEffect, useRef } from 'react';
import { copyFormats, type CopyFormat, type KeyView } from '../../../electron/contract/keys';
import { copyFormatLabels } from './copy-formats';

export type RowMenuAction =
  | { kind: 'copy'; format: CopyFormat }
  | { kind: 'labels' }
  | { kind: 'renew' }
  | { kind: 'enable'; enabled: boolean }
  | { kind: 'shorten' }
  | { kind: 'delete' };

/**
 * A key's actions menu, placed at its trigger: other copy formats, labels, renew, ext-token
 * enable/disable and shorten, delete. Arrow keys move, Escape closes and returns focus.
 */
export function RowMenu({
  keyView,
  anchor,
  onAction,
  onClose,
}: {
  keyView: KeyView;
  anchor: { top: number; right: number };
  onAction: (action: RowMenuAction) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    function outside(e: MouseEvent) {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    }
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);

  function onKeyDown(e: React.KeyboardEvent) {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  const item = (label: string, action: RowMenuAction, disabled = false, danger = false) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      disabled={disabled}
      className={danger ? 'menu-item danger' : 'menu-item'}
      onClick={() => onAction(action)}
    >
      {label}
    </button>
  );

  const ext = keyView.family === 'ext';
  const top = Math.min(anchor.top, window.innerHeight - 420);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${keyView.description || keyView.id}`}
      className="menu"
      style={{ top: Math.max(8, top), right: anchor.right }}
      onKeyDown={onKeyDown}
      data-testid="row-menu"
    >
      <div className="menu-heading" role="presentation">
        Copy as
      </div>
      {copyFormats.map((format) => (
        <div key={format} role="none">
          {item(
            copyFormatLabels[format],
            { kind: 'copy', format },
            !keyView.hasSecret && format !== 'endpoint' && format !== 'access_key',
          )}
        </div>
      ))}
      <div className="menu-separator" role="separator" />
      {item('Edit labels…', { kind: 'labels' })}
      {item('Renew…', { kind: 'renew' }, keyView.kind !== 'api_key')}
      {ext &&
        item(keyView.enabled ? 'Disable' : 'Enable', { kind: 'enable', enabled: !keyView.enabled })}
      {ext && item('Shorten expiry…', { kind: 'shorten' })}
      <div className="menu-separator" role="separator" />
      {item('Delete…', { kind: 'delete' }, false, true)}
    </div>
  );
}
