import { cleanup, fireEvent, render, screen, waitFor } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../electron/contract/app';
import { createAppStores } from '../../../renderer/src/app-stores';
import { SettingsView } from '../../../renderer/src/settings/SettingsView';
import { StoresContext } from '../../../renderer/src/ui/stores-context';
import { createFakeApi, worldHandlers } from './fake-api';

afterEach(cleanup);

const baseInfo: AppInfo = {
  version: '9.9.9',
  platform: 'linux',
  keychain: { status: 'available', reason: null, fix: null },
  logFile: '/home/u/.config/Rancher Keys/logs/main.log',
  trayAvailable: true,
};

/** Settings over a fake main (the fake api stands in for main's IPC handlers). */
async function renderSettings(info: Partial<AppInfo>, shown = true) {
  const fake = createFakeApi({
    ...worldHandlers([], []),
    'app:info': () => ({ ...baseInfo, ...info }),
    'app:showLogFile': () => ({ shown }),
  });
  const stores = createAppStores(fake.api);
  render(
    <StoresContext.Provider value={stores}>
      <SettingsView />
    </StoresContext.Provider>,
  );
  await stores.settings.load();
  await screen.findByTestId('app-version');
  return { fake, stores };
}

describe('Settings → About: the log file', () => {
  it('names the log file and asks main to show it', async () => {
    const { fake } = await renderSettings({});
    expect(screen.getByTestId('log-file').textContent).toBe(baseInfo.logFile);
    fireEvent.click(screen.getByRole('button', { name: 'Show the log file' }));
    await waitFor(() => expect(fake.callsTo('app:showLogFile')).toEqual([{}]));
  });

  it('says there is none, with no button, when main could not open one', async () => {
    await renderSettings({ logFile: null });
    expect(screen.getByTestId('log-file').textContent).toMatch(/None/);
    expect(screen.queryByRole('button', { name: 'Show the log file' })).toBeNull();
  });

  it('tells the user when main had no file to show', async () => {
    const { stores } = await renderSettings({}, false);
    fireEvent.click(screen.getByRole('button', { name: 'Show the log file' }));
    await waitFor(() =>
      expect(stores.ui.store.getState().toasts.map((t) => t.text)).toContain(
        'There is no log file to show.',
      ),
    );
  });
});

describe('Settings: close to tray without a tray', () => {
  it('explains that closing the window quits when the desktop has no tray', async () => {
    await renderSettings({ trayAvailable: false });
    const toggle = screen.getByRole('checkbox', {
      name: /Keep running in the tray when the window is closed/,
    });
    expect(toggle.closest('label')?.textContent).toMatch(
      /shows no tray icons, so closing the window quits Rancher Keys/,
    );
  });

  it('adds no explanation when a tray shows', async () => {
    await renderSettings({ trayAvailable: true });
    expect(screen.queryByText(/shows no tray icons/)).toBeNull();
  });
});
