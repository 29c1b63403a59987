import { cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyView } from '../../../electron/contract/keys';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createKeysStore } from '../../../renderer/src/keys/keys-store';
import { snoozeChoices } from '../../../renderer/src/keys/snooze-choices';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, wholeList, worldHandlers } from './fake-api';

afterEach(cleanup);

const DAY = 86_400_000;

describe('snoozeChoices', () => {
  it('offers 1 day, 7 days and until expiry when the key has not expired', () => {
    const now = Date.parse('2026-03-01T00:00:00.000Z');
    const choices = snoozeChoices({ expiresAt: '2026-03-03T00:00:00.000Z' }, now);
    expect(choices).toEqual([
      { label: 'For 1 day', until: '2026-03-02T00:00:00.000Z' },
      { label: 'For 7 days', until: '2026-03-08T00:00:00.000Z' },
      { label: 'Until it expires', until: '2026-03-03T00:00:00.000Z' },
    ]);
  });

  it('drops "until it expires" when the key has expired, and offers nothing when it never does', () => {
    const now = Date.parse('2026-03-01T00:00:00.000Z');
    expect(
      snoozeChoices({ expiresAt: '2026-02-01T00:00:00.000Z' }, now).map((c) => c.label),
    ).toEqual(['For 1 day', 'For 7 days']);
    expect(snoozeChoices({ expiresAt: null }, now)).toEqual([]);
  });
});

describe('keys store snooze', () => {
  it('sends the snooze to main and shows the key main returns', async () => {
    const until = new Date(Date.now() + DAY).toISOString();
    const fake = createFakeApi({
      'keys:list': () => ({
        serverId: 's1',
        ...wholeList([makeKey({ id: 'token-a' })]),
        refreshedAt: null,
        stale: false,
      }),
      'keys:snooze': ({ keyId, until: at }) => ({
        key: makeKey({ id: keyId, snoozedUntil: at }),
      }),
    });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    await store.snooze('token-a', until);
    expect(fake.callsTo('keys:snooze')).toEqual([{ serverId: 's1', keyId: 'token-a', until }]);
    expect(store.store.getState().keys[0]?.snoozedUntil).toBe(until);
  });
});

describe('Snooze in the row menu', () => {
  async function renderWith(key: KeyView) {
    let current = key;
    const fake = createFakeApi({
      ...worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], [key]),
      'keys:list': ({ serverId }) => ({
        serverId: serverId ?? null,
        ...wholeList([current]),
        refreshedAt: null,
        stale: false,
      }),
      'keys:snooze': ({ keyId, until }) => {
        current = { ...current, id: keyId, snoozedUntil: until };
        return { key: current };
      },
    });
    const stores = createAppStores(fake.api, createTick(1_000));
    render(<App api={fake.api} stores={stores} />);
    const row = await screen.findByTestId('key-row');
    return { fake, row };
  }

  function openMenu(row: HTMLElement) {
    fireEvent.click(within(row).getByRole('button', { name: /^More actions/ }));
    return screen.getByRole('menu');
  }

  it('snoozes for 7 days from the keyboard and shows the snoozed mark with its date', async () => {
    const { fake, row } = await renderWith(
      makeKey({
        id: 'token-soon',
        description: 'soon',
        state: 'expiring',
        expiresAt: new Date(Date.now() + 2 * DAY).toISOString(),
      }),
    );
    expect(within(row).queryByTestId('snoozed-mark')).toBeNull();
    const menu = openMenu(row);
    const group = within(menu).getByRole('group', { name: 'Snooze warnings' });
    const item = within(group).getByRole('menuitem', { name: 'For 7 days' });
    // Reachable with the arrow keys: End lands on Delete, one up is the last snooze choice.
    fireEvent.keyDown(menu, { key: 'End' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Until it expires');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(item);
    fireEvent.click(item);

    const [input] = fake.callsTo('keys:snooze') as Array<{ until: string }>;
    expect(Date.parse(input!.until) - Date.now()).toBeGreaterThan(6.9 * DAY);
    const mark = await within(screen.getByTestId('key-row')).findByTestId('snoozed-mark');
    expect(mark.getAttribute('aria-label')).toMatch(/^Warnings snoozed until /);
    expect(mark.getAttribute('title')).toBe(mark.getAttribute('aria-label'));
    expect(await screen.findByText(/^Warnings snoozed until/)).toBeTruthy();
  });

  it('offers "Stop snoozing" for a snoozed key and clears the snooze', async () => {
    const { fake, row } = await renderWith(
      makeKey({
        id: 'token-soon',
        state: 'expiring',
        expiresAt: new Date(Date.now() + 2 * DAY).toISOString(),
        snoozedUntil: new Date(Date.now() + DAY).toISOString(),
      }),
    );
    expect(within(row).getByTestId('snoozed-mark')).toBeTruthy();
    const menu = openMenu(row);
    expect(within(menu).queryByRole('group', { name: 'Snooze warnings' })).toBeNull();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Stop snoozing' }));
    expect(fake.callsTo('keys:snooze')).toEqual([
      { serverId: 'a', keyId: 'token-soon', until: null },
    ]);
    await screen.findByText('Warnings for this key are back on.');
    expect(within(screen.getByTestId('key-row')).queryByTestId('snoozed-mark')).toBeNull();
  });

  it('shows no mark once the snooze has ended', async () => {
    const { row } = await renderWith(
      makeKey({ id: 'token-old', snoozedUntil: new Date(Date.now() - DAY).toISOString() }),
    );
    expect(within(row).queryByTestId('snoozed-mark')).toBeNull();
  });
});
