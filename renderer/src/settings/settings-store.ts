import { createStore } from 'zustand/vanilla';
import type { AppInfo } from '../../../electron/contract/app';
import type { AppError } from '../../../electron/contract/errors';
import { settingsDefaults } from '../../../electron/contract/constants';
import type { Settings, SettingsPatch } from '../../../electron/contract/settings';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  info: AppInfo | null;
  error: AppError | null;
}

/** User settings and the app's own facts (version, keychain status). */
export function createSettingsStore(api: Api) {
  const store = createStore<SettingsState>()(() => ({
    settings: settingsDefaults,
    loaded: false,
    info: null,
    error: null,
  }));
  return {
    store,
    async load(): Promise<void> {
      const [info, settings] = await Promise.allSettled([
        api.call('app:info', {}),
        api.call('settings:get', {}),
      ]);
      store.setState({
        info: info.status === 'fulfilled' ? info.value : null,
        settings: settings.status === 'fulfilled' ? settings.value.settings : settingsDefaults,
        loaded: true,
        error:
          info.status === 'rejected'
            ? toAppError(info.reason)
            : settings.status === 'rejected'
              ? toAppError(settings.reason)
              : null,
      });
    },
    async reloadInfo(): Promise<void> {
      try {
        store.setState({ info: await api.call('app:info', {}) });
      } catch (error) {
        store.setState({ error: toAppError(error) });
      }
    },
    /** Saves a change; the UI shows it at once and rolls back if main refuses. */
    async set(patch: SettingsPatch): Promise<void> {
      const before = store.getState().settings;
      store.setState({ settings: { ...before, ...patch } });
      try {
        const { settings } = await api.call('settings:set', patch);
        store.setState({ settings, error: null });
      } catch (error) {
        store.setState({ settings: before, error: toAppError(error) });
        throw error;
      }
    },
    replace(settings: Settings) {
      store.setState({ settings });
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
