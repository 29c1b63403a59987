import { act, cleanup, fireEvent, render, screen } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type SettingsPatch } from '../../../electron/contract/settings';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

async function renderApp() {
  const world = worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], []);
  let settings = defaultSettings;
  const fake = createFakeApi({
    ...world,
    'settings:get': () => ({ settings }),
    'settings:set': (patch: SettingsPatch) => {
      settings = { ...settings, ...patch };
      return { settings };
    },
  });
  render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
  await screen.findByTestId('empty-keys');
  return fake;
}

describe('quick copy from any app (the global shortcut)', () => {
  it('opens the palette when main reports the shortcut was pressed', async () => {
    const fake = await renderApp();
    expect(screen.queryByRole('combobox', { name: 'Find a key on any server' })).toBeNull();
    act(() => fake.emit('app:command', { command: 'quickCopy' }));
    expect(await screen.findByRole('combobox', { name: 'Find a key on any server' })).toBeTruthy();
  });

  it('is off by default and chosen in Settings', async () => {
    const fake = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const select = screen.getByRole<HTMLSelectElement>('combobox', {
      name: /Quick copy from any app/,
    });
    expect(select.value).toBe('off');
    fireEvent.change(select, { target: { value: 'CommandOrControl+Shift+K' } });
    expect(fake.callsTo('settings:set')).toContainEqual({
      quickCopyShortcut: 'CommandOrControl+Shift+K',
    });
  });
});
