import { describe, expect, it } from 'vitest';
import type { ExpirySummary } from '../../../electron/contract/app';
import {
  buildTrayModel,
  findTrayItem,
  maxKeysPerServer,
  type TrayState,
} from '../../../electron/main/tray/tray-model';
import { key, server } from './fixtures';

const DAY = 86_400_000;
const now = Date.parse('2026-03-01T00:00:00Z');
const inDays = (d: number) => new Date(now + d * DAY).toISOString();

const summary: ExpirySummary = {
  expiringCount: 2,
  expiredCount: 1,
  next: {
    serverId: 'p',
    serverName: 'Prod',
    keyId: 'token-a',
    description: 'CI deploy',
    expiresAt: inDays(3),
  },
  perServer: { p: 3 },
};

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    servers: [server('p', 'Prod'), server('s', 'Staging')],
    activeId: 'p',
    keysByServer: {
      p: [
        key('token-b', { description: 'backup', expiresAt: inDays(20) }),
        key('token-a', { description: 'CI deploy', expiresAt: inDays(3), state: 'expiring' }),
        key('token-n', { hasSecret: false }),
        key('token-x', { description: 'old', state: 'expired', expiresAt: inDays(-1) }),
      ],
      s: [],
    },
    summary,
    now,
    ...overrides,
  };
}

describe('buildTrayModel', () => {
  it('lists the servers as a radio group with the active one checked', () => {
    const { items } = buildTrayModel(state());
    expect(findTrayItem(items, 'switch:p')).toMatchObject({
      type: 'radio',
      label: 'Prod',
      checked: true,
      action: { kind: 'switchServer', serverId: 'p' },
    });
    expect(findTrayItem(items, 'switch:s')).toMatchObject({ type: 'radio', checked: false });
  });

  it('offers one-click copy of each key with a secret, sorted, with its time left', () => {
    const sub = findTrayItem(buildTrayModel(state()).items, 'server:p');
    expect(sub?.label).toBe('Prod keys (3 near expiry)');
    expect(sub?.submenu?.map((i) => [i.label, i.enabled])).toEqual([
      ['Copy backup (20 days left)', true],
      ['Copy CI deploy (3 days left)', true],
      ['Copy old (expired)', false],
    ]);
    expect(findTrayItem(buildTrayModel(state()).items, 'copy:p:token-a')?.action).toEqual({
      kind: 'copyKey',
      serverId: 'p',
      keyId: 'token-a',
    });
  });

  it('says so when a server has no key to copy, or its list has not loaded', () => {
    const model = buildTrayModel(state({ keysByServer: { s: [] } }));
    expect(findTrayItem(model.items, 'server:s')?.submenu?.[0]?.label).toBe('No keys to copy');
    expect(findTrayItem(model.items, 'server:p')?.submenu?.[0]?.label).toBe('Loading…');
  });

  it('caps a long key list and points to the window for the rest', () => {
    const many = Array.from({ length: maxKeysPerServer + 5 }, (_, i) =>
      key(`token-${String(i).padStart(2, '0')}`),
    );
    const sub = findTrayItem(
      buildTrayModel(state({ keysByServer: { p: many } })).items,
      'server:p',
    );
    expect(sub?.submenu).toHaveLength(maxKeysPerServer + 1);
    expect(sub?.submenu?.at(-1)).toMatchObject({
      label: '5 more in the window…',
      action: { kind: 'openKey', serverId: 'p', keyId: null },
    });
  });

  it('shows the next key to expire and opens it on click', () => {
    expect(findTrayItem(buildTrayModel(state()).items, 'next')).toMatchObject({
      label: 'Next to expire: CI deploy on Prod, 3 days left',
      action: { kind: 'openKey', serverId: 'p', keyId: 'token-a' },
    });
  });

  it('ends with Open, Refresh and Quit', () => {
    const actions = buildTrayModel(state())
      .items.slice(-3)
      .map((i) => i.action?.kind);
    expect(actions).toEqual(['open', 'refresh', 'quit']);
  });

  it('counts keys near expiry in the tooltip, badge and title', () => {
    expect(buildTrayModel(state())).toMatchObject({
      tooltip: 'Rancher Keys: 2 keys expiring soon, 1 expired',
      badgeCount: 3,
      title: '3',
      overlay: { kind: 'expired', description: '1 key expired, 2 keys expiring soon' },
    });
  });

  it('shows a calm tray when nothing is near expiry or nothing is configured', () => {
    const calm = buildTrayModel(
      state({ summary: { expiringCount: 0, expiredCount: 0, next: null, perServer: {} } }),
    );
    expect(calm).toMatchObject({
      tooltip: 'Rancher Keys: no keys near expiry',
      badgeCount: 0,
      title: '',
      overlay: null,
    });
    expect(findTrayItem(calm.items, 'next')).toMatchObject({
      label: 'Next to expire: nothing',
      enabled: false,
    });
    const empty = buildTrayModel({
      servers: [],
      activeId: null,
      keysByServer: {},
      summary: null,
      now,
    });
    expect(empty.items[0]).toMatchObject({ label: 'No Rancher server yet', enabled: false });
    expect(empty.tooltip).toBe('Rancher Keys');
  });

  it('escapes ampersands so they are not read as accelerator markers', () => {
    const model = buildTrayModel(state({ servers: [server('p', 'R&D')] }));
    expect(findTrayItem(model.items, 'switch:p')?.label).toBe('R&&D');
  });

  it('gives every item a unique id', () => {
    const ids: string[] = [];
    const walk = (items: ReturnType<typeof buildTrayModel>['items']) =>
      items.forEach((i) => (ids.push(i.id), i.submenu && walk(i.submenu)));
    walk(buildTrayModel(state()).items);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
