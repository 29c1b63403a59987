import { Profiler } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Output } from '../../../electron/contract/ipc';
import type { KeyView } from '../../../electron/contract/keys';
import { defaultSettings } from '../../../electron/contract/settings';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { startFirstScreen } from '../../../renderer/src/first-screen';
import { FIRST_WINDOW } from '../../../renderer/src/keys/keys-store';
import { createFakeApi, fail, makeKey, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

const servers = [makeServer({ id: 'a', name: 'Alpha', active: true }), makeServer({ id: 'b' })];
const keys: KeyView[] = Array.from({ length: 300 }, (_, i) =>
  makeKey({ id: `token-${String(i).padStart(5, '0')}` }),
);

function windowOf(offset: number, limit?: number): Output<'keys:list'> {
  return {
    serverId: 'a',
    keys: keys.slice(offset, limit === undefined ? undefined : offset + limit),
    total: keys.length,
    revision: 1,
    refreshedAt: null,
    stale: false,
  };
}

const startAnswer = (
  keysPart: Output<'app:start'>['keys'] = { ok: true, value: windowOf(0, FIRST_WINDOW) },
): Output<'app:start'> => ({
  settings: defaultSettings,
  servers,
  activeId: 'a',
  keys: keysPart,
  expiry: { expiringCount: 0, expiredCount: 0, next: null, perServer: {} },
});

/**
 * A stand-in for main that also answers every channel the start answer is made of (so the window
 * could load part by part), holds `app:start` and `app:info` until released, and counts how many
 * requests are in flight at once.
 */
function startRig(answer: () => Output<'app:start'> | Promise<Output<'app:start'>> = startAnswer) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let inFlight = 0;
  let mostInFlight = 0;
  const counted =
    <T,>(run: () => T | Promise<T>) =>
    async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await held;
        return await run();
      } finally {
        inFlight--;
      }
    };
  const world = worldHandlers(servers, keys);
  const fake = createFakeApi({
    ...world,
    'app:start': counted(answer),
    'app:info': counted(() => world['app:info']!({}) as Output<'app:info'>),
    'keys:list': ({ offset, limit }) => windowOf(offset ?? 0, limit),
  });
  return { fake, release, mostInFlight: () => mostInFlight };
}

/** Each commit of the window: did it show the server's title, and how many key rows? */
function commitsOf() {
  const commits: Array<{ title: boolean; rows: number }> = [];
  const onRender = () =>
    commits.push({
      title: document.getElementById('server-title') !== null,
      rows: document.querySelectorAll('[data-testid="key-row"]').length,
    });
  return { commits, onRender };
}

const asked = (fake: ReturnType<typeof createFakeApi>): Channel[] =>
  fake.calls.map((c) => c.channel).filter((c) => c !== 'app:ready');

describe('the first screen', () => {
  it('asks app:start and app:info at once, and nothing else, before the first screen shows', async () => {
    const rig = startRig();
    render(<App api={rig.fake.api} />);
    await waitFor(() => expect(rig.mostInFlight()).toBe(2));
    expect(asked(rig.fake)).toEqual(['app:start', 'app:info']);
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' });
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy());
    // Then only the rest of the list: settings, servers and the first window came with the start.
    expect(asked(rig.fake)).toEqual(['app:start', 'app:info', 'keys:list']);
    expect(rig.fake.callsTo('keys:list')).toEqual([
      { serverId: 'a', includeSystem: false, offset: FIRST_WINDOW },
    ]);
  });

  it('shows the app shell and the first rows in one commit, never the shell without its rows', async () => {
    const rig = startRig();
    const { commits, onRender } = commitsOf();
    render(
      <Profiler id="window" onRender={onRender}>
        <App api={rig.fake.api} />
      </Profiler>,
    );
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' });
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy());
    const withTitle = commits.filter((c) => c.title);
    expect(withTitle.length).toBeGreaterThan(0);
    expect(withTitle.filter((c) => c.rows === 0)).toEqual([]);
  });

  it('renders everything in the window’s first commit when the answer is in before React renders', async () => {
    const rig = startRig();
    const stores = createAppStores(rig.fake.api);
    const shown = startFirstScreen(stores);
    rig.release();
    await shown;
    const { commits, onRender } = commitsOf();
    render(
      <Profiler id="window" onRender={onRender}>
        <App api={rig.fake.api} stores={stores} firstScreenStarted />
      </Profiler>,
    );
    expect(commits[0]?.title).toBe(true);
    expect(commits[0]?.rows).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy());
    expect(rig.fake.callsTo('app:start')).toHaveLength(1);
  });

  it('shows why the keys could not be read, with a retry, when the start answer says so', async () => {
    const rig = startRig(() =>
      startAnswer({ ok: false, error: { code: 'unreachable', message: 'Alpha does not answer.' } }),
    );
    render(<App api={rig.fake.api} />);
    rig.release();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Alpha does not answer.');
    expect(screen.getByRole('heading', { name: 'Alpha' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('loads the first screen part by part when app:start fails', async () => {
    const rig = startRig(() => fail({ code: 'internal', message: 'Start failed.' }));
    render(<App api={rig.fake.api} />);
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' });
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy());
    expect(rig.fake.callsTo('servers:list')).toHaveLength(1);
    expect(rig.fake.callsTo('settings:get')).toHaveLength(1);
    // The app:info asked alongside app:start is used; it is not asked again.
    expect(rig.fake.callsTo('app:info')).toHaveLength(1);
  });
});
