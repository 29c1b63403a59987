import { createActivityStore } from './activity/activity-store';
import type { Api } from './api';
import { createExpiryStore } from './expiry/expiry-store';
import { createHygieneStore } from './hygiene/hygiene-store';
import { createKeysStore } from './keys/keys-store';
import { createPlaintextStore } from './plaintext/plaintext-store';
import { createServersStore } from './servers/servers-store';
import { createSettingsStore } from './settings/settings-store';
import { createTick, type Tick } from './ui/tick';
import { createUiStore } from './ui/ui-store';
import { createWarningToasts } from './expiry/warning-toasts';
import { startFirstScreen } from './first-screen';

/** Every store of the window, created with one api. */
export interface AppStores {
  api: Api;
  servers: ReturnType<typeof createServersStore>;
  keys: ReturnType<typeof createKeysStore>;
  expiry: ReturnType<typeof createExpiryStore>;
  settings: ReturnType<typeof createSettingsStore>;
  hygiene: ReturnType<typeof createHygieneStore>;
  activity: ReturnType<typeof createActivityStore>;
  plaintext: ReturnType<typeof createPlaintextStore>;
  ui: ReturnType<typeof createUiStore>;
  tick: Tick;
}

/** Creates the stores; nothing is loaded until {@link startApp}. */
export function createAppStores(api: Api, tick: Tick = createTick()): AppStores {
  return {
    api,
    servers: createServersStore(api),
    keys: createKeysStore(api),
    expiry: createExpiryStore(api),
    settings: createSettingsStore(api),
    hygiene: createHygieneStore(api),
    activity: createActivityStore(api),
    plaintext: createPlaintextStore(api),
    ui: createUiStore(),
    tick,
  };
}

/**
 * Keeps the stores in step with main's events (the keys list follows the active server, settings
 * follow `settings:changed`, the banner follows `expiry:summary`) and shows the first screen
 * ({@link startFirstScreen}), unless main.tsx started it before React rendered
 * (`firstScreenStarted`). Returns the function that stops it all.
 */
export function startApp(stores: AppStores, firstScreenStarted = false): () => void {
  const { api, servers, keys, expiry, settings, ui, activity } = stores;
  const warnings = createWarningToasts(ui);
  const offs: Array<() => void> = [];

  offs.push(
    servers.store.subscribe((s, prev) => {
      // Not when the keys already show it (the start answer brought its first rows).
      if (s.activeId !== prev.activeId && keys.store.getState().serverId !== s.activeId) {
        void keys.load(s.activeId);
      }
    }),
    settings.store.subscribe((s, prev) => {
      if (s.settings.showSystemTokens !== prev.settings.showSystemTokens) {
        keys.setIncludeSystem(s.settings.showSystemTokens);
      }
    }),
    api.on('servers:changed', () => void servers.load()),
    api.on('keys:changed', ({ serverId }) => {
      if (serverId === keys.store.getState().serverId) void keys.load(serverId, { quiet: true });
      if (ui.store.getState().view === 'expiring') void expiry.loadItems();
    }),
    api.on('activity:changed', () => {
      if (ui.store.getState().view === 'activity') void activity.load();
    }),
    api.on('settings:changed', ({ settings: next }) => settings.replace(next)),
    api.on('expiry:summary', (summary) => {
      expiry.setSummary(summary);
      void servers.load();
    }),
    api.on('expiry:warning', (warning) => warnings.add(warning)),
    api.on('app:navigate', ({ serverId, keyId }) => {
      ui.setView('keys');
      void servers.switchTo(serverId).catch(() => undefined);
      if (keyId) {
        keys.setCursor(keyId);
        keys.setQuery({ search: '' });
      }
    }),
  );

  // Every listener is in place (children's effects, such as the shortcuts', ran before this one):
  // main may now deliver the events it held while the page loaded.
  api.call('app:ready', {}).catch(() => undefined);

  if (!firstScreenStarted) void startFirstScreen(stores);

  return () => offs.forEach((off) => off());
}
