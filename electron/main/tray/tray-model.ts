import type { ExpirySummary } from '../../contract/app';
import type { KeyView } from '../../contract/keys';
import type { Server } from '../../contract/servers';
import { formatTimeLeftShort } from '../notifications/time-left';
import { displayText } from '../../core/display-text';
import { taskbarOverlayOf, type TaskbarOverlay } from './taskbar-overlay';

/** What a tray click asks main to do. */
export type TrayAction =
  | { kind: 'open' }
  | { kind: 'refresh' }
  | { kind: 'quit' }
  | { kind: 'switchServer'; serverId: string }
  | { kind: 'copyKey'; serverId: string; keyId: string }
  | { kind: 'openKey'; serverId: string; keyId: string | null };

/** A menu entry as plain data (the shape of Electron's MenuItemConstructorOptions, minus `click`). */
export interface TrayItem {
  /** Unique in the menu; what the e2e hook clicks. */
  id: string;
  type: 'normal' | 'separator' | 'radio' | 'submenu';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  action?: TrayAction;
  submenu?: TrayItem[];
}

/** The tray's full appearance. */
export interface TrayModel {
  tooltip: string;
  /** Keys near expiry or expired: the dock / launcher badge. */
  badgeCount: number;
  /** Text beside the icon in the macOS menu bar; empty when nothing needs attention. */
  title: string;
  /** The Windows taskbar button's overlay for the same counts; null when nothing is near expiry. */
  overlay: TaskbarOverlay | null;
  items: TrayItem[];
}

/** The core's state the tray shows. */
export interface TrayState {
  servers: readonly Server[];
  activeId: string | null;
  /** Keys per server id; a server missing here has not been listed yet. */
  keysByServer: Readonly<Record<string, readonly KeyView[]>>;
  summary: ExpirySummary | null;
  now: number;
}

/** Longest key list in a server's submenu; the rest are in the window. */
export const maxKeysPerServer = 25;

const productName = 'Rancher Keys';

// Menu labels treat `&` as an accelerator marker on Windows and Linux.
// Server text: neutralised (bidi, controls), then `&` doubled (menus read it as an accelerator).
const text = (s: string) => displayText(s).replace(/&/g, '&&');

function keyItems(server: Server, keys: readonly KeyView[] | undefined, now: number): TrayItem[] {
  if (!keys)
    return [{ id: `keys:${server.id}:loading`, type: 'normal', label: 'Loading…', enabled: false }];
  const copyable = keys
    .filter((k) => k.hasSecret && k.state !== 'revoked' && k.state !== 'pending_revocation')
    .slice()
    .sort((a, b) => (a.description || a.id).localeCompare(b.description || b.id));
  if (copyable.length === 0) {
    return [
      { id: `keys:${server.id}:none`, type: 'normal', label: 'No keys to copy', enabled: false },
    ];
  }
  const items: TrayItem[] = copyable.slice(0, maxKeysPerServer).map((k) => ({
    id: `copy:${server.id}:${k.id}`,
    type: 'normal',
    label: text(`Copy ${k.description || k.id} (${formatTimeLeftShort(k.expiresAt, now)})`),
    enabled: k.state !== 'expired' && k.state !== 'disabled',
    action: { kind: 'copyKey', serverId: server.id, keyId: k.id },
  }));
  if (copyable.length > maxKeysPerServer) {
    items.push({
      id: `keys:${server.id}:more`,
      type: 'normal',
      label: `${copyable.length - maxKeysPerServer} more in the window…`,
      action: { kind: 'openKey', serverId: server.id, keyId: null },
    });
  }
  return items;
}

function nearExpiry(summary: ExpirySummary | null): number {
  return summary ? summary.expiringCount + summary.expiredCount : 0;
}

function tooltipOf(summary: ExpirySummary | null): string {
  if (!summary) return productName;
  const parts: string[] = [];
  if (summary.expiringCount > 0) {
    parts.push(
      `${summary.expiringCount} key${summary.expiringCount === 1 ? '' : 's'} expiring soon`,
    );
  }
  if (summary.expiredCount > 0) parts.push(`${summary.expiredCount} expired`);
  return parts.length === 0
    ? `${productName}: no keys near expiry`
    : `${productName}: ${parts.join(', ')}`;
}

/**
 * The tray menu as a pure function of the core's state: the active server (radio list to switch),
 * one submenu per server with one-click copy of each key it holds a secret for, the next key to
 * expire, Open, Refresh and Quit. Rebuilt on every change (Linux trays need a context menu).
 */
export function buildTrayModel(state: TrayState): TrayModel {
  const items: TrayItem[] = [];
  if (state.servers.length === 0) {
    items.push({
      id: 'servers:none',
      type: 'normal',
      label: 'No Rancher server yet',
      enabled: false,
    });
  } else {
    items.push({ id: 'servers:heading', type: 'normal', label: 'Active server', enabled: false });
    for (const server of state.servers) {
      items.push({
        id: `switch:${server.id}`,
        type: 'radio',
        label: text(server.name),
        checked: server.id === state.activeId,
        action: { kind: 'switchServer', serverId: server.id },
      });
    }
    items.push({ id: 'sep:keys', type: 'separator' });
    for (const server of state.servers) {
      const count = state.summary?.perServer[server.id] ?? server.nearExpiryCount;
      items.push({
        id: `server:${server.id}`,
        type: 'submenu',
        label: text(`${server.name} keys${count > 0 ? ` (${count} near expiry)` : ''}`),
        submenu: keyItems(server, state.keysByServer[server.id], state.now),
      });
    }
  }
  items.push({ id: 'sep:next', type: 'separator' });
  const next = state.summary?.next ?? null;
  items.push(
    next
      ? {
          id: 'next',
          type: 'normal',
          label: text(
            `Next to expire: ${next.description || next.keyId} on ${next.serverName}, ${formatTimeLeftShort(next.expiresAt, state.now)}`,
          ),
          action: { kind: 'openKey', serverId: next.serverId, keyId: next.keyId },
        }
      : { id: 'next', type: 'normal', label: 'Next to expire: nothing', enabled: false },
  );
  items.push(
    { id: 'sep:app', type: 'separator' },
    { id: 'open', type: 'normal', label: `Open ${productName}`, action: { kind: 'open' } },
    { id: 'refresh', type: 'normal', label: 'Refresh', action: { kind: 'refresh' } },
    { id: 'quit', type: 'normal', label: 'Quit', action: { kind: 'quit' } },
  );
  const badgeCount = nearExpiry(state.summary);
  return {
    tooltip: tooltipOf(state.summary),
    badgeCount,
    title: badgeCount > 0 ? String(badgeCount) : '',
    overlay: taskbarOverlayOf(state.summary),
    items,
  };
}

/** Finds an item by id anywhere in the menu. */
export function findTrayItem(items: readonly TrayItem[], id: string): TrayItem | null {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? findTrayItem(item.submenu, id) : null;
    if (inner) return inner;
  }
  return null;
}
