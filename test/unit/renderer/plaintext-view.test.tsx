import { act, cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyPlace, PlaintextScan } from '../../../electron/contract/plaintext';
import { defaultSettings, type SettingsPatch } from '../../../electron/contract/settings';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, worldHandlers, type FakeHandlers } from './fake-api';
import { makeCli2Preview, makeFinding, makeScan } from './plaintext-fakes';

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
    // A held token cannot be chosen again.
    expect(within(rows[2]!).getByRole<HTMLInputElement>('checkbox').disabled).toBe(true);
    const problems = screen.getAllByTestId('plaintext-file-problem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'Not valid YAML (line 3); nothing was read from it.',
    ]);
    expect(screen.getByTestId('plaintext-summary').textContent).toContain(
      '3 tokens found in plaintext, 1 already held',
    );
  });

  it('shows 200 rows of a 1,000-user kubeconfig, counts the rest, and chooses them all', async () => {
    const scan = makeScan();
    scan.files[1]!.findingCount = 1_000;
    scan.findings = Array.from({ length: 1_000 }, (_, i) =>
      makeFinding({ findingId: `big-${i}`, fileId: 'f-kube', accessKey: `token-${i}` }),
    );
    await renderCheck({ 'plaintext:scan': () => scan });
    expect(await screen.findAllByTestId('plaintext-finding')).toHaveLength(200);
    expect(
      screen.getByText('And 800 more in this file; "Choose every token" includes them.'),
    ).toBeTruthy();
    // By test id: role queries over 200 rows are slow in jsdom.
    fireEvent.click(screen.getByTestId('plaintext-choose-all'));
    expect(screen.getByTestId('plaintext-import').textContent).toBe('Import 1000 tokens');
    // 200 rows make a large DOM for jsdom: give it time on a busy machine.
  }, 20_000);

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

  it('imports the chosen tokens and lists each result, problems first', async () => {
    const { fake } = await renderCheck({
      'plaintext:import': ({ findingIds }) => ({
        cancelled: false,
        addedServerIds: ['new'],
        results: findingIds.map((findingId) => ({
          findingId,
          accessKey: findingId === 'scan-1-1' ? 'token-cli01' : 'token-kube1',
          outcome: findingId === 'scan-1-1' ? ('imported' as const) : ('expired' as const),
          serverId: 'a',
          keyId: null,
          message: findingId === 'scan-1-1' ? null : 'Expired on 2026-11-01.',
          certificate: null,
        })),
      }),
    });
    await screen.findAllByTestId('plaintext-finding');
    const importButton = screen.getByTestId<HTMLButtonElement>('plaintext-import');
    expect(importButton.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Choose every token not held yet/ }));
    expect(importButton.textContent).toBe('Import 2 tokens');
    fireEvent.click(importButton);
    const results = await screen.findByTestId('plaintext-import-results');
    expect(fake.callsTo('plaintext:import')).toMatchObject([
      { scanId: 'scan-1', findingIds: ['scan-1-1', 'scan-1-2'] },
    ]);
    const lines = within(results).getAllByTestId('plaintext-import-result');
    expect(lines.map((l) => l.dataset.outcome)).toEqual(['expired', 'imported']);
    expect(lines[0]!.textContent).toContain('token-kube1');
    expect(lines[0]!.textContent).toContain('Expired, not imported');
    expect(lines[0]!.textContent).toContain('Expired on 2026-11-01.');
    expect(within(results).getByTestId('plaintext-import-counts').textContent).toContain(
      'Imported: 1',
    );
    expect(results.textContent).toContain('1 server was added');
  });

  it('shows progress for a running import and stops it from the keyboard', async () => {
    let finish!: (value: { cancelled: boolean; results: []; addedServerIds: [] }) => void;
    const { fake } = await renderCheck({
      'plaintext:import': () => new Promise((r) => (finish = r)),
      'plaintext:cancel': () => ({ cancelled: true }),
    });
    await screen.findAllByTestId('plaintext-finding');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Import token-kube1' }));
    fireEvent.click(screen.getByTestId('plaintext-import'));
    const progress = await screen.findByTestId('plaintext-import-progress');
    const [input] = fake.callsTo('plaintext:import') as Array<{ jobId: string }>;
    act(() =>
      fake.emit('plaintext:progress', { jobId: input!.jobId, done: 1, total: 3, failed: 1 }),
    );
    expect(within(progress).getByRole('status').textContent).toBe('1 of 3 checked, 1 not imported');
    fireEvent.keyDown(progress, { key: 'Escape' });
    expect(fake.callsTo('plaintext:cancel')).toEqual([{ jobId: input!.jobId }]);
    await act(async () => finish({ cancelled: true, results: [], addedServerIds: [] }));
    expect(await screen.findByRole('dialog', { name: 'Import stopped' })).toBeTruthy();
  });

  it('previews a cli2.json rewrite with its consequence said plainly, writes it, then undoes it', async () => {
    const held: PlaintextScan = makeScan();
    held.findings[0]!.alreadyHeld = true;
    const { fake } = await renderCheck({
      'plaintext:scan': () => held,
      'plaintext:rewritePreview': () => makeCli2Preview(),
      'plaintext:rewrite': () => ({
        rewriteId: 'rw-1',
        path: '~/.rancher/cli2.json',
        backupPath: '~/.rancher/cli2.json.rancher-keys-backup',
        changed: 1,
      }),
      'plaintext:undo': () => ({ path: '~/.rancher/cli2.json', restored: true }),
    });
    await screen.findAllByTestId('plaintext-finding');
    fireEvent.click(screen.getByRole('button', { name: 'Rewrite ~/.rancher/cli2.json…' }));
    const dialog = await screen.findByTestId('plaintext-rewrite-dialog');
    expect(within(dialog).getByTestId('plaintext-consequence').textContent).toContain(
      'rancher login',
    );
    expect(within(dialog).getByTestId('plaintext-changes').textContent).toContain(
      'token-cli01 in server entry "rancherDefault": secret removed',
    );
    expect(dialog.textContent).toContain('~/.rancher/cli2.json.rancher-keys-backup');
    // Cancel has focus first: writing a file is never the default.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByTestId('plaintext-rewrite-confirm'));
    const undo = await screen.findByRole('button', { name: 'Undo rewrite' });
    expect(fake.callsTo('plaintext:rewrite')).toEqual([{ scanId: 'scan-1', fileId: 'f-cli2' }]);
    expect(screen.queryByTestId('plaintext-rewrite-dialog')).toBeNull();
    fireEvent.click(undo);
    expect(await screen.findByText('~/.rancher/cli2.json is back as it was.')).toBeTruthy();
    expect(fake.callsTo('plaintext:undo')).toEqual([{ rewriteId: 'rw-1' }]);
    expect(screen.queryByRole('button', { name: 'Undo rewrite' })).toBeNull();
  });

  it('refuses to rewrite a file changed since the check and offers to check again', async () => {
    const held = makeScan();
    held.findings[0]!.alreadyHeld = true;
    await renderCheck({
      'plaintext:scan': () => held,
      'plaintext:rewritePreview': () =>
        makeCli2Preview({ refusal: 'cli2.json changed since the check.' }),
    });
    await screen.findAllByTestId('plaintext-finding');
    fireEvent.click(screen.getByRole('button', { name: 'Rewrite ~/.rancher/cli2.json…' }));
    const dialog = await screen.findByTestId('plaintext-rewrite-dialog');
    expect(within(dialog).getByRole('alert').textContent).toContain('changed since the check');
    expect(
      within(dialog).getByTestId<HTMLButtonElement>('plaintext-rewrite-confirm').disabled,
    ).toBe(true);
  });

  it('keeps Rewrite off until a token of the file is held', async () => {
    await renderCheck();
    await screen.findAllByTestId('plaintext-finding');
    const rewrite = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Rewrite ~/.rancher/cli2.json…',
    });
    expect(rewrite.disabled).toBe(true);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Rewrite ~/.kube/config…' }).disabled,
    ).toBe(false);
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

  it('offers on Renew to update the kubeconfigs holding the old key, before renewing, with undo', async () => {
    const { fake } = await renderCheck(
      {
        'keys:whereUsed': () => ({ places, scannedAt: null }),
        'plaintext:updatePlaces': () => ({
          updated: [
            {
              rewriteId: 'rw-1',
              path: '~/.kube/config',
              backupPath: '~/.kube/config.rancher-keys-backup-1',
              changed: 1,
            },
          ],
          left: [{ path: '~/.rancher/cli2.json', reason: 'The Rancher CLI’s file.' }],
        }),
        'keys:renew': () => ({
          key: makeKey({ id: 'token-new01', description: 'ci' }),
          oldKeyId: 'token-held1',
          oldRevokeAt: null,
          clamped: false,
        }),
        'plaintext:undo': () => ({ path: '~/.kube/config', restored: true }),
      },
      { view: 'keys' },
    );
    fireEvent.click(await screen.findByRole('button', { name: /More actions for ci/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Renew…' }));
    const offer = await screen.findByRole('checkbox', {
      name: /Also rewrite the kubeconfig users/,
    });
    expect(offer.closest('label')!.textContent).toContain('backed up beside it');
    fireEvent.click(offer);
    fireEvent.click(screen.getByTestId('confirm-renew'));
    const result = await screen.findByTestId('renew-updated-places');
    // Updated first, while the old secret is still held, then renewed.
    const order = fake.calls
      .map((c) => c.channel)
      .filter((c) => c === 'plaintext:updatePlaces' || c === 'keys:renew');
    expect(order).toEqual(['plaintext:updatePlaces', 'keys:renew']);
    expect(fake.callsTo('plaintext:updatePlaces')).toEqual([
      { serverId: 'a', keyId: 'token-held1' },
    ]);
    expect(result.textContent).toContain('~/.rancher/cli2.json: The Rancher CLI’s file.');
    fireEvent.click(
      within(result).getByRole('button', { name: 'Undo the rewrite of ~/.kube/config' }),
    );
    expect(await within(result).findByText('restored')).toBeTruthy();
    expect(fake.callsTo('plaintext:undo')).toEqual([{ rewriteId: 'rw-1' }]);
  });

  it('leaves the files alone on Renew unless asked', async () => {
    const { fake } = await renderCheck(
      {
        'keys:whereUsed': () => ({ places, scannedAt: null }),
        'keys:renew': () => ({
          key: makeKey({ id: 'token-new01', description: 'ci' }),
          oldKeyId: 'token-held1',
          oldRevokeAt: null,
          clamped: false,
        }),
      },
      { view: 'keys' },
    );
    fireEvent.click(await screen.findByRole('button', { name: /More actions for ci/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Renew…' }));
    await screen.findByRole('checkbox', { name: /Also rewrite the kubeconfig users/ });
    fireEvent.click(screen.getByTestId('confirm-renew'));
    await screen.findByTestId('renewed-dialog');
    expect(fake.callsTo('plaintext:updatePlaces')).toEqual([]);
    expect(screen.queryByTestId('renew-updated-places')).toBeNull();
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
