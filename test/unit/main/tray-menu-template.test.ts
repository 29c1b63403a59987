import { describe, expect, it } from 'vitest';
import type { TrayAction, TrayItem } from '../../../electron/main/tray/tray-model';
import { toMenuTemplate } from '../../../electron/main/tray/tray-menu-template';

describe('toMenuTemplate', () => {
  const items: TrayItem[] = [
    {
      id: 'switch:p',
      type: 'radio',
      label: 'Prod',
      checked: true,
      action: { kind: 'switchServer', serverId: 'p' },
    },
    { id: 'sep', type: 'separator' },
    {
      id: 'server:p',
      type: 'submenu',
      label: 'Prod keys',
      submenu: [
        {
          id: 'copy:p:k',
          type: 'normal',
          label: 'Copy k',
          action: { kind: 'copyKey', serverId: 'p', keyId: 'k' },
        },
      ],
    },
    { id: 'next', type: 'normal', label: 'Next to expire: nothing', enabled: false },
  ];

  it('keeps the shape and binds clicks to the item action', () => {
    const ran: TrayAction[] = [];
    const template = toMenuTemplate(items, (a) => ran.push(a));
    expect(template[0]).toMatchObject({
      id: 'switch:p',
      type: 'radio',
      checked: true,
      label: 'Prod',
      enabled: true,
    });
    expect(template[1]).toEqual({ id: 'sep', type: 'separator' });
    expect(template[3]).toMatchObject({ enabled: false, type: 'normal' });
    expect(template[3]?.click).toBeUndefined();
    const copy = (template[2]?.submenu as Array<{ click?: () => void }>)[0];
    copy?.click?.();
    expect(ran).toEqual([{ kind: 'copyKey', serverId: 'p', keyId: 'k' }]);
  });
});
