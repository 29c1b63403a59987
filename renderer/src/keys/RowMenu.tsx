import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { copyFormats } from '../../../electron/contract/constants';
import type { CopyFormat, KeyView } from '../../../electron/contract/keys';
import { formatDateTime } from '../format/time';
import { copyFormatLabels } from './copy-formats';
import { snoozeChoices } from './snooze-choices';
import { isSnoozed } from './StateChip';
import { keyName } from './key-name';
import './row-menu.css';

export type RowMenuAction =
  | { kind: 'copy'; format: CopyFormat }
  | { kind: 'labels' }
  | { kind: 'renew' }
  | { kind: 'enable'; enabled: boolean }
  | { kind: 'shorten' }
  | { kind: 'snooze'; until: string | null }
  | { kind: 'history' }
  | { kind: 'default'; isDefault: boolean }
  | { kind: 'kubectl' }
  | { kind: 'whereUsed' }
  | { kind: 'delete' };

/**
 * A key's actions menu, placed at its trigger: other copy formats, labels, renew, ext-token
 * enable/disable and shorten, snooze warnings, delete. Arrow keys move, Escape closes and
 * returns focus.
 */
export function RowMenu({
  keyView,
  anchor,
  now,
  onAction,
  onClose,
}: {
  keyView: KeyView;
  anchor: { top: number; right: number };
  /** The time snooze choices count from. */
  now: number;
  onAction: (action: RowMenuAction) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(anchor.top);

  // Keep the whole menu on screen: above the trigger's row when there is no room below it.
  useLayoutEffect(() => {
    const height = ref.current?.offsetHeight ?? 0;
    setTop(Math.max(8, Math.min(anchor.top, window.innerHeight - height - 8)));
  }, [anchor.top]);

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
  const snoozed = isSnoozed(keyView, now);
  const choices = snoozed ? [] : snoozeChoices(keyView, now);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${keyName(keyView)}`}
      className="menu"
      style={{ top, right: anchor.right }}
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
      {item('History', { kind: 'history' })}
      <div className="menu-separator" role="separator" />
      {item(
        keyView.isDefault ? 'Stop using as default for tools' : 'Use as default for tools',
        { kind: 'default', isDefault: !keyView.isDefault },
        !keyView.isDefault && (!keyView.hasSecret || keyView.kind !== 'api_key'),
      )}
      {item(
        'Use with kubectl…',
        { kind: 'kubectl' },
        !keyView.hasSecret || keyView.kind !== 'api_key',
      )}
      {item('Where is this key used?', { kind: 'whereUsed' })}
      {snoozed && keyView.snoozedUntil && (
        <div role="group" aria-label="Snoozed warnings">
          <div className="menu-separator" role="separator" />
          <div className="menu-heading" role="presentation" data-testid="snoozed-until">
            Snoozed until {formatDateTime(keyView.snoozedUntil)}
          </div>
          {item('Stop snoozing', { kind: 'snooze', until: null })}
        </div>
      )}
      {choices.length > 0 && (
        <div role="group" aria-label="Snooze warnings">
          <div className="menu-separator" role="separator" />
          <div className="menu-heading" role="presentation">
            Snooze warnings
          </div>
          {choices.map((c) => (
            <div key={c.label} role="none">
              {item(c.label, { kind: 'snooze', until: c.until })}
            </div>
          ))}
        </div>
      )}
      <div className="menu-separator" role="separator" />
      {item('Delete…', { kind: 'delete' }, false, true)}
    </div>
  );
}
