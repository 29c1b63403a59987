import { cleanup, render, screen, waitFor } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Output } from '../../../electron/contract/ipc';
import type { KeyView } from '../../../electron/contract/keys';
import { defaultSettings } from '../../../electron/contract/settings';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { startFirstScreen } from '../../../renderer/src/first-screen';
import { FIRST_WINDOW } from '../../../renderer/src/keys/keys-store';
import { createFakeApi, fail, makeKey, makeServer, worldHandlers } from './fake-api';

afterEach(async () => {
  await cleanup();
});

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

/**
 * Every loading placeholder the window ever put in the page, in order: "Loading" (the window's,
 * before it knows its servers) and "Loading keys" (a server's view waiting for its rows).
 */
function placeholdersShown() {
  const seen: string[] = [];
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const found = [node, ...node.querySelectorAll('[aria-busy="true"]')];
        for (const el of found) {
          if (el.getAttribute('aria-busy') === 'true')
            seen.push(el.getAttribute('aria-label') ?? '');
        }
      }
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    note(observer.takeRecords());
    observer.disconnect();
    return seen;
  };
}

const asked = (fake: ReturnType<typeof createFakeApi>): Channel[] =>
  fake.calls.map((c) => c.channel).filter((c) => c !== 'app:ready');

// Rendering the window in jsdom takes seconds on a loaded machine: generous waits, no timing asserted.
const LONG = { timeout: 10_000 };

describe('the first screen', { timeout: 30_000 }, () => {
  it('asks app:start and app:info at once, and nothing else, before the first screen shows', async () => {
    const rig = startRig();
    render(<App api={rig.fake.api} />);
    await waitFor(() => expect(rig.mostInFlight()).toBe(2), LONG);
    expect(asked(rig.fake)).toEqual(['app:start', 'app:info']);
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' }, LONG);
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy(), LONG);
    // Then only the rest of the list: settings, servers and the first window came with the start.
    expect(asked(rig.fake)).toEqual(['app:start', 'app:info', 'keys:list']);
    expect(rig.fake.callsTo('keys:list')).toEqual([
      { serverId: 'a', includeSystem: false, offset: FIRST_WINDOW },
    ]);
  });

  it('shows the app shell with its first rows, never the server without its rows', async () => {
    const rig = startRig();
    const shown = placeholdersShown();
    render(<App api={rig.fake.api} />);
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' }, LONG);
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy(), LONG);
    // The window's own placeholder while main answers, then the server with its rows: never the
    // server's view waiting for its keys (which took one more round trip and one more commit).
    const placeholders = shown();
    expect(placeholders).toContain('Loading');
    expect(placeholders).not.toContain('Loading keys');
  });

  it('renders the server and its rows in the first render when the answer is in before it', async () => {
    const rig = startRig();
    const stores = createAppStores(rig.fake.api);
    const started = startFirstScreen(stores);
    rig.release();
    await started;
    const shown = placeholdersShown();
    render(<App api={rig.fake.api} stores={stores} firstScreenStarted />);
    expect(screen.getByRole('heading', { name: 'Alpha' })).toBeTruthy();
    expect(screen.getAllByTestId('key-row').length).toBeGreaterThan(0);
    expect(shown()).toEqual([]);
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy(), LONG);
    expect(rig.fake.callsTo('app:start')).toHaveLength(1);
  });

  it('shows why the keys could not be read, with a retry, when the start answer says so', async () => {
    const rig = startRig(() =>
      startAnswer({ ok: false, error: { code: 'unreachable', message: 'Alpha does not answer.' } }),
    );
    render(<App api={rig.fake.api} />);
    rig.release();
    const alert = await screen.findByRole('alert', {}, LONG);
    expect(alert.textContent).toContain('Alpha does not answer.');
    expect(screen.getByRole('heading', { name: 'Alpha' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('loads the first screen part by part when app:start fails', async () => {
    const rig = startRig(() => fail({ code: 'internal', message: 'Start failed.' }));
    render(<App api={rig.fake.api} />);
    rig.release();
    await screen.findByRole('heading', { name: 'Alpha' }, LONG);
    await waitFor(() => expect(screen.getByText('300 of 300 keys')).toBeTruthy(), LONG);
    expect(rig.fake.callsTo('servers:list')).toHaveLength(1);
    expect(rig.fake.callsTo('settings:get')).toHaveLength(1);
    // The app:info asked alongside app:start is used; it is not asked again.
    expect(rig.fake.callsTo('app:info')).toHaveLength(1);
  });
});
