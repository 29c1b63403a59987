import type { Handlers } from '../../core/dispatch';
import type { TrayState } from './tray-model';
import { idTable } from '../../core/id-table';

/**
 * Gathers what the tray shows from the core's handlers. A part that fails (a server unreachable,
 * the keychain locked) is left out rather than failing the whole menu: a server without a list
 * shows "Loading…", a missing summary shows no count.
 */
export async function loadTrayState(
  handlers: Pick<Handlers, 'servers:list' | 'keys:list' | 'expiry:summary'>,
  now: number,
): Promise<TrayState> {
  const [list, summary] = await Promise.all([
    handlers['servers:list']({}).catch(() => null),
    handlers['expiry:summary']({}).catch(() => null),
  ]);
  const servers = list?.servers ?? [];
  const keyLists = await Promise.all(
    servers.map(async (s) => {
      const result = await handlers['keys:list']({ serverId: s.id }).catch(() => null);
      return [s.id, result?.keys] as const;
    }),
  );
  const keysByServer = idTable<TrayState['keysByServer'][string]>();
  for (const [id, keys] of keyLists) if (keys) keysByServer[id] = keys;
  return { servers, activeId: list?.activeId ?? null, keysByServer, summary, now };
}
