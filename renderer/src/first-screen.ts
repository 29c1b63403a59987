import type { AppInfo } from '../../electron/contract/app';
import type { Output } from '../../electron/contract/ipc';
import type { AppStores } from './app-stores';

/**
 * How long the window waits for the start answer before it renders its loading state instead:
 * an answer within this shows the app shell and the first rows in the window's first render.
 */
export const FIRST_SCREEN_WAIT_MS = 150;

/**
 * Asks main for what the first screen shows (`app:start`, and `app:info` alongside: its keychain
 * probe need not hold up the rows) and fills the stores as soon as the answer is in, whether React
 * has rendered yet or not. When `app:start` fails, the first screen is loaded part by part, each
 * part showing its own error. Resolves once the answer is shown (or the parts are on their way).
 */
export function startFirstScreen(stores: AppStores): Promise<void> {
  const start = stores.api.call('app:start', {});
  const info = stores.api.call('app:info', {});
  // Taken (and its failure shown) once the start answer is in; until then it must not count as
  // an unhandled rejection.
  info.catch(() => undefined);
  return start.then(
    (answer) => {
      showFirstScreen(stores, answer);
      void stores.settings.takeInfo(info);
    },
    () => void loadFirstScreenByParts(stores, info),
  );
}

/**
 * Shows the first screen from the start answer, every store in one synchronous pass: React
 * renders the app shell and the first rows in one commit (the window used to commit the shell,
 * then the rows after another round trip). The rest of a long list is asked for afterwards.
 */
export function showFirstScreen(stores: AppStores, answer: Output<'app:start'>): void {
  const { settings, keys, servers, expiry } = stores;
  settings.replace(answer.settings);
  // The first window was read with this setting; the rest must be too, to fit with it.
  keys.setIncludeSystem(answer.settings.showSystemTokens);
  if (answer.activeId && answer.keys) {
    void keys.load(answer.activeId, { first: answer.keys });
  }
  servers.receive({ servers: answer.servers, activeId: answer.activeId });
  expiry.setSummary(answer.expiry);
  const first = answer.servers[0];
  if (!answer.activeId && first) void servers.switchTo(first.id).catch(() => undefined);
}

/**
 * Loads the first screen one store at a time (settings, then servers, then the active server's
 * keys): what the window does when `app:start` itself failed, so each part shows its own error
 * where it would show it, with its own retry.
 */
export async function loadFirstScreenByParts(stores: AppStores, info: Promise<AppInfo>) {
  const { settings, keys, servers, expiry } = stores;
  await settings.load(info);
  keys.setIncludeSystem(settings.store.getState().settings.showSystemTokens);
  await servers.load();
  const { activeId, servers: list } = servers.store.getState();
  if (!activeId && list[0]) await servers.switchTo(list[0].id).catch(() => undefined);
  // The active server's list is loading already when startApp's subscription saw it arrive: a
  // second load would only ask for it again (and make the first answer wasted).
  else if (activeId && keys.store.getState().serverId !== activeId) void keys.load(activeId);
  await expiry.loadSummary();
}
