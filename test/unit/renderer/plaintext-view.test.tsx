import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyPlace } from '../../../electron/contract/plaintext';
import { defaultSettings, type SettingsPatch } from '../../../electron/contract/settings';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, worldHandlers, type FakeHandlers } from './fake-api';
import { makeScan } from './plaintext-fakes';

afterEach(cleanup);

/** The window with one server (or none), opened on the Plaintext check unless told otherwise. */
async function renderCheck(
  handlers: FakeHandlers = {},
  options: { servers?: number; view?: 'plaintext' | 'keys'; offered?: boolean } = {},
) {
  const servers =
    options.servers === 0 ? [] : [makeServer({ id: 'a', name: 'Alpha', active: true })];
  let settings = { ...defaultSettings, plaintextCheckOffered: options.offered ?? true };
  const fake = createFakeApi({
    ...worldHandlers(servers, [makeKey({ id: 'token-held1', description: 'ci' })]),
    'settings:get': () => ({ settings }),
    'settings:set': (patch: SettingsPatch) => {
      settings = { ...settings, ...patch };
      return { settings };
    },
    'plaintext:scan': () => makeScan(),
    ...handlers,
  });
  const stores = createAppStores(fake.api, createTick(1_000));
  if ((options.view ?? 'plaintext') === 'plaintext') stores.ui.setView('plaintext');
  render(<App api={fake.api} stores={stores} />);
  return { fake, stores };
}

describe('Plaintext check view', () => {
  it('reports each token by access key, place, server and state, and each file problem as one line', async () => {
    await renderCheck();
    const rows = await screen.findAllByTestId('plaintext-finding');
    expect(rows.map((r) => r.dataset.accessKey)).toEqual([
      'token-cli01',
      'token-kube1',
      'token-held1',
    ]);
    expect(rows[0]!.textContent).toContain('server entry "rancherDefault"');
    expect(rows[0]!.textContent).toContain('https://new.example.com');
    expect(rows[0]!.textContent).toContain('Not held (new server)');
    expect(rows[2]!.textContent).toContain('user "ops", contexts "ops", "dev"');
    expect(within(rows[2]!).getByTestId('finding-state').textContent).toBe('Already held');
    const problems = screen.getAllByTestId('plaintext-file-problem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'Not valid YAML (line 3); nothing was read from it.',
    ]);
    expect(screen.getByTestId('plaintext-summary').textContent).toContain(
      '3 tokens found in plaintext, 1 already held',
    );
  });

  it('shows names from files as text, never as markup', async () => {
    const scan = makeScan();
    scan.findings[1]!.place = {
      kind: 'kubeconfig_user',
      entry: '<img src=x onerror=alert(1)>',
      subEntry: null,
      contexts: [],
    };
    await renderCheck({ 'plaintext:scan': () => scan });
    const rows = await screen.findAllByTestId('plaintext-finding');
    expect(rows[1]!.textContent).toContain('user "<img src=x onerror=alert(1)>"');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('reaching the Plaintext check', () => {
  it('is offered once on the first run: "Not now" records the answer', async () => {
    const { fake } = await renderCheck({}, { servers: 0, view: 'keys', offered: false });
    const offer = await screen.findByTestId('plaintext-offer');
    fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(fake.callsTo('settings:set')).toEqual([{ plaintextCheckOffered: true }]);
    expect(screen.queryByTestId('plaintext-offer')).toBeNull();
  });

  it('opens from the first run’s offer', async () => {
    await renderCheck({}, { servers: 0, view: 'keys', offered: false });
    fireEvent.click(await screen.findByRole('button', { name: 'Run the Plaintext check' }));
    expect(await screen.findByRole('heading', { name: 'Plaintext check' })).toBeTruthy();
  });

  it('is not offered again once answered, and opens from Settings', async () => {
    await renderCheck({}, { servers: 0, view: 'keys', offered: true });
    await screen.findByRole('heading', { name: 'Welcome to Rancher Keys' });
    expect(screen.queryByTestId('plaintext-offer')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run the Plaintext check' }));
    expect(await screen.findByRole('heading', { name: 'Plaintext check' })).toBeTruthy();
  });
});

describe('where a key is used', () => {
  const places: KeyPlace[] = [
    {
      path: '~/.kube/config',
      fileKind: 'kubeconfig',
      how: 'found',
      place: { kind: 'kubeconfig_user', entry: 'ops', subEntry: null, contexts: ['ops'] },
    },
    {
      path: '~/.kube/config',
      fileKind: 'kubeconfig',
      how: 'written',
      place: { kind: 'kubeconfig_user', entry: 'rk-ci', subEntry: null, contexts: ['rk-ci'] },
    },
  ];

  it('lists the places found and the kubeconfigs written, from the row menu', async () => {
    const { fake } = await renderCheck(
      { 'keys:whereUsed': () => ({ places, scannedAt: '2026-11-30T04:00:00.000Z' }) },
      { view: 'keys' },
    );
    fireEvent.click(await screen.findByRole('button', { name: /More actions for ci/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Where is this key used?' }));
    const dialog = await screen.findByTestId('where-used-dialog');
    const items = await within(dialog).findAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '~/.kube/config: user "ops", contexts "ops" (the token in plaintext)',
      '~/.kube/config: user "rk-ci", contexts "rk-ci" (written by Rancher Keys; it gets the key from the keychain)',
    ]);
    expect(fake.callsTo('keys:whereUsed')).toEqual([{ serverId: 'a', keyId: 'token-held1' }]);
  });

  it('warns on Delete which places stop working', async () => {
    await renderCheck({ 'keys:whereUsed': () => ({ places, scannedAt: null }) }, { view: 'keys' });
    fireEvent.click(await screen.findByRole('button', { name: /More actions for ci/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const warning = await screen.findByTestId('delete-used-places');
    expect(warning.textContent).toContain('These places stop working');
    expect(within(warning).getAllByRole('listitem')).toHaveLength(2);
  });
});
