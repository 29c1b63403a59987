import { cleanup, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { appInfo, createFakeApi, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

const reason =
  'Another Rancher Keys (process 4242) is using the data folder /home/u/.config/rancher-keys, so this one does not change anything. Close the other one, then restart this one.';

async function renderApp(dataFolderInUse?: string) {
  const world = worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], []);
  const fake = createFakeApi({
    ...world,
    'app:info': () => appInfo(dataFolderInUse ? { dataFolderInUse } : {}),
  });
  render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
  await screen.findByTestId('empty-keys');
}

describe('data folder in use by another process', () => {
  it('says changes are not saved, which process holds the folder and what to do', async () => {
    await renderApp(reason);
    const banner = await screen.findByRole('region', { name: 'Data folder in use' });
    expect(within(banner).getByText(/changes made here are not saved/)).toBeTruthy();
    expect(within(banner).getByText(reason)).toBeTruthy();
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('shows nothing when this window may write', async () => {
    await renderApp();
    expect(screen.queryByTestId('data-folder-in-use-banner')).toBeNull();
  });
});
