import type { Handlers } from '../dispatch';
import type { SettingsService } from './settings-service';

/** `settings:get` and `settings:set`. */
export function createSettingsHandlers(
  settings: SettingsService,
): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': async () => ({ settings: settings.get() }),
    'settings:set': async (patch) => ({ settings: await settings.set(patch) }),
  };
}
