import { cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { describeDataFile } from '../../../renderer/src/ui/data-problems';
import { createTick } from '../../../renderer/src/ui/tick';
import { appInfo, createFakeApi, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

const problems = [
  {
    file: 'settings.json',
    movedTo: '/home/u/.config/rancher-keys/settings.json.corrupt-2026-03-01T10-00-00-000Z',
    reason: 'not valid JSON',
  },
  {
    file: 'keys-prod-1a2b3c.json',
    movedTo: '/home/u/.config/rancher-keys/keys-prod-1a2b3c.json.corrupt-2026-03-01T10-00-00-000Z',
    reason: 'does not match the expected shape',
  },
];

async function renderApp(dataProblems?: typeof problems) {
  const world = worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], []);
  const fake = createFakeApi({
    ...world,
    'app:info': () => appInfo(dataProblems ? { dataProblems } : {}),
  });
  render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
  await screen.findByTestId('empty-keys');
}

describe('describeDataFile', () => {
  it('names what started fresh for each kind of data file', () => {
    expect(describeDataFile('settings.json')).toMatch(/settings/);
    expect(describeDataFile('/x/servers.json')).toMatch(/list of servers/);
    expect(describeDataFile('keys-prod-1a2b.json')).toMatch(/key details/);
    expect(describeDataFile('something.json')).toBe('the data in that file');
  });
});

describe('damaged data notice', () => {
  it('names each file, where it was moved and what started fresh, until dismissed', async () => {
    await renderApp(problems);
    const banner = screen.getByRole('region', { name: 'Damaged data files' });
    expect(
      within(banner).getByText('2 data files were damaged and have been set aside.'),
    ).toBeTruthy();
    const items = within(banner).getAllByTestId('data-problem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toBe(
      `settings.json could not be read (not valid JSON). It was moved to ${problems[0]!.movedTo} and Rancher Keys started fresh for your settings (back to their defaults).`,
    );
    expect(items[1]?.textContent).toContain(problems[1]!.movedTo);
    expect(items[1]?.textContent).toContain("one server's key details");

    fireEvent.click(
      within(banner).getByRole('button', { name: 'Dismiss the damaged data notice' }),
    );
    expect(screen.queryByRole('region', { name: 'Damaged data files' })).toBeNull();
  });

  it('keeps the list in Settings → About after the banner is dismissed', async () => {
    await renderApp(problems.slice(0, 1));
    const banner = screen.getByRole('region', { name: 'Damaged data files' });
    expect(
      within(banner).getByText('A data file was damaged and has been set aside.'),
    ).toBeTruthy();
    fireEvent.click(
      within(banner).getByRole('button', { name: 'Dismiss the damaged data notice' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const about = screen.getByRole('region', { name: 'Damaged data files set aside' });
    expect(within(about).getByTestId('data-problem').textContent).toContain(problems[0]!.movedTo);
  });

  it('shows nothing when main reports no damaged files', async () => {
    await renderApp();
    expect(screen.queryByTestId('data-problems-banner')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.queryByTestId('data-problem-list')).toBeNull();
  });
});
