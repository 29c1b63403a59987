import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayItem } from './tray-model';

/**
 * The thin adapter from the tray model to Electron's menu template: plain data in, the same data
 * with `click` bound to `run(action)` out. No Electron object is touched, so it is unit-tested.
 */
export function toMenuTemplate(
  items: readonly TrayItem[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { id: item.id, type: 'separator' };
    const { action } = item;
    const base: MenuItemConstructorOptions = {
      id: item.id,
      label: item.label ?? '',
      enabled: item.enabled ?? true,
      ...(action ? { click: () => run(action) } : {}),
    };
    if (item.type === 'submenu')
      return { ...base, submenu: toMenuTemplate(item.submenu ?? [], run) };
    if (item.type === 'radio') return { ...base, type: 'radio', checked: item.checked ?? false };
    return { ...base, type: 'normal' };
  });
}
