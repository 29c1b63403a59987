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
  /** Shows the app's facts when `info` (an `app:info` call) answers. */
  async function takeInfo(info: Promise<AppInfo>): Promise<void> {
    try {
      store.setState({ info: await info });
    } catch (error) {
      store.setState({ error: toAppError(error) });
    }
  }
  return {
    store,
    /** Loads settings and the app's facts (`info`: an `app:info` call already made, if any). */
    async load(info: Promise<AppInfo> = api.call('app:info', {})): Promise<void> {
      const [infoOutcome, settings] = await Promise.allSettled([
        info,
        api.call('settings:get', {}),
      ]);
      store.setState({
        info: infoOutcome.status === 'fulfilled' ? infoOutcome.value : null,
        settings: settings.status === 'fulfilled' ? settings.value.settings : settingsDefaults,
        loaded: true,
        error:
          infoOutcome.status === 'rejected'
            ? toAppError(infoOutcome.reason)
            : settings.status === 'rejected'
              ? toAppError(settings.reason)
              : null,
      });
    },
    takeInfo,
    reloadInfo: () => takeInfo(api.call('app:info', {})),
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
    /** Main's settings as they now are (its `settings:changed` event, or the start answer). */
    replace(settings: Settings) {
      store.setState({ settings, loaded: true });
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
