import { fireEvent, render, screen, waitFor } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from './testing-library';
import { eventNames, type EventName } from '../../../electron/contract/ipc';
import { App } from '../../../renderer/src/App';
import { createFakeApi, fail, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

describe('App', () => {
  it('shows the keychain as unavailable with its reason and fix when main reports so', async () => {
    const fake = createFakeApi({
      ...worldHandlers([makeServer({ id: 'a' })], []),
      'app:info': () => ({
        version: '9.9.9',
        platform: 'linux',
        keychain: {
          status: 'unavailable',
          reason: 'No Secret Service.',
          fix: 'Install GNOME Keyring.',
        },
        logFile: null,
        trayAvailable: true,
      }),
    });
    render(<App api={fake.api} />);
    const banner = await screen.findByTestId('keychain-banner');
    expect(banner.textContent).toContain('Install GNOME Keyring.');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect((await screen.findByTestId('keychain-status')).textContent).toBe(
      'unavailable — No Secret Service.',
    );
    expect(screen.getByTestId('keychain-fix').textContent).toBe('Install GNOME Keyring.');
    expect(screen.getByTestId('app-version').textContent).toBe('9.9.9');
  });

  it('shows the error with a retry when main answers servers:list with an error', async () => {
    const fake = createFakeApi({
      ...worldHandlers([], []),
      'servers:list': () => fail({ code: 'internal', message: 'Main is unhappy.' }),
    });
    render(<App api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Main is unhappy.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('says app:ready once, when it listens to every event main may have held for it', async () => {
    let listeningAtReady: EventName[] | null = null;
    const fake = createFakeApi({
      ...worldHandlers([makeServer({ id: 'a' })], []),
      'app:ready': () => {
        listeningAtReady = eventNames.filter((name) => fake.listening(name));
        return {};
      },
    });
    render(<App api={fake.api} />);
    await waitFor(() => expect(listeningAtReady).not.toBeNull());
    // Every event main sends unprompted: progress events (a clean-up's, a sign-in's) are listened
    // to only while their flow runs, which none can before ready.
    const unprompted = eventNames.filter((name) => !/progress$/i.test(name));
    expect(unprompted).toContain('app:navigate');
    expect(listeningAtReady).toEqual(expect.arrayContaining(unprompted));
    expect(fake.callsTo('app:ready').length).toBeGreaterThan(0);
  });

  it('offers "Add a Rancher server" on first run when no server exists', async () => {
    const fake = createFakeApi(worldHandlers([], []));
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a Rancher server' }));
    expect(screen.getByRole('dialog', { name: 'Add a Rancher server' })).toBeTruthy();
  });
});
