import { FIRST_KEYS_WINDOW } from '../contract/constants';
import type { Output } from '../contract/ipc';
import { toWindowError, type Handlers } from './dispatch';
import type { Logger } from './log';

/** The channels the first screen is made of. */
type Parts = Pick<Handlers, 'settings:get' | 'servers:list' | 'keys:list' | 'expiry:summary'>;

/**
 * `app:start`: the window's first screen in one answer, so it needs one round trip (it asked for
 * settings, then servers, then the active server's keys, one after another) and can show the app
 * shell and the first rows in one commit. Built from the same handlers those channels use, so
 * the parts cannot differ from what the window would get by asking for each; the dispatcher checks
 * the whole answer (each key view included) on its way out, as for `keys:list`.
 *
 * The keys part is the first {@link FIRST_KEYS_WINDOW} rows with the user's system-token setting,
 * or its failure (a window that cannot read one list still starts); null when no server is active.
 */
export function createStartHandler(parts: Parts, log: Logger): Pick<Handlers, 'app:start'> {
  return {
    'app:start': async () => {
      const [{ settings }, { servers, activeId }, expiry] = await Promise.all([
        parts['settings:get']({}),
        parts['servers:list']({}),
        parts['expiry:summary']({}),
      ]);
      return { settings, servers, activeId, expiry, keys: await firstKeys(activeId) };
    },
  };

  async function firstKeys(serverId: string | null): Promise<Output<'app:start'>['keys']> {
    if (serverId === null) return null;
    try {
      const value = await parts['keys:list']({ serverId, limit: FIRST_KEYS_WINDOW });
      return { ok: true, value };
    } catch (error) {
      const failure = toWindowError(error);
      log.info('start: the first keys window failed', { code: failure.code });
      return { ok: false, error: failure };
    }
  }
}
