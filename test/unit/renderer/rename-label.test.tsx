import { cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyView } from '../../../electron/contract/keys';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { renameLabelProblem } from '../../../renderer/src/keys/RenameLabelDialog';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, wholeList, worldHandlers } from './fake-api';

afterEach(cleanup);

describe('renameLabelProblem', () => {
  it('accepts a new name and refuses empty, same, too long or comma names', () => {
    expect(renameLabelProblem('ci', 'pipelines')).toBeNull();
    expect(renameLabelProblem('ci', '  ')).toBe('Type the new name.');
    expect(renameLabelProblem('ci', ' ci ')).toBe('The new name is the same as the old one.');
    expect(renameLabelProblem('ci', 'a,b')).toMatch(/commas/);
    expect(renameLabelProblem('ci', 'x'.repeat(65))).toMatch(/64/);
  });
});

describe('RenameLabelDialog', () => {
  async function renderWith(servers = [makeServer({ id: 'a', name: 'Alpha', active: true })]) {
    let keys: KeyView[] = [
      makeKey({ id: 'token-1', description: 'one', labels: ['ci', 'prod'] }),
      makeKey({ id: 'token-2', description: 'two', labels: ['ci'] }),
      makeKey({ id: 'token-3', description: 'three', labels: ['staging'] }),
    ];
    const fake = createFakeApi({
      ...worldHandlers(servers, keys),
      'keys:list': ({ serverId }) => ({
        serverId: serverId ?? null,
        ...wholeList(keys),
        refreshedAt: null,
        stale: false,
      }),
      'labels:rename': ({ from, to }) => {
        let renamed = 0;
        keys = keys.map((k) => {
          if (!k.labels.includes(from)) return k;
          renamed++;
          return { ...k, labels: [...new Set(k.labels.map((l) => (l === from ? to : l)))] };
        });
        return { renamed };
      },
    });
    const stores = createAppStores(fake.api, createTick(1_000));
    render(<App api={fake.api} stores={stores} />);
    await screen.findAllByTestId('key-row');
    return { fake, stores };
  }

  it('renames the filtered label on this server, keeps the filter on it and says how many keys changed', async () => {
    const { fake, stores } = await renderWith();
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by label' }), {
      target: { value: 'ci' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Rename label…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename label' });
    const from = within(dialog).getByRole('combobox', { name: /^Label/ });
    expect((from as HTMLSelectElement).value).toBe('ci');
    expect(document.activeElement).toBe(from);
    expect(within(dialog).getByText('2 keys on this server')).toBeTruthy();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(within(dialog).getByText('Type the new name.')).toBeTruthy();
    expect(fake.callsTo('labels:rename')).toEqual([]);

    fireEvent.input(within(dialog).getByRole('textbox', { name: 'New name' }), {
      target: { value: ' pipelines ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('Renamed "ci" to "pipelines" on 2 keys.')).toBeTruthy();
    expect(fake.callsTo('labels:rename')).toEqual([{ serverId: 'a', from: 'ci', to: 'pipelines' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(stores.keys.store.getState().query.label).toBe('pipelines');
    const rows = await screen.findAllByTestId('key-row');
    expect(rows.map((r) => r.dataset.keyId)).toEqual(['token-1', 'token-2']);
    expect(rows[0]?.textContent).toContain('pipelines');
  });

  it('renames on every server when asked, and warns when the new name already exists', async () => {
    const { fake } = await renderWith([
      makeServer({ id: 'a', name: 'Alpha', active: true }),
      makeServer({ id: 'b', name: 'Beta' }),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Rename label…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename label' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /^Label/ }), {
      target: { value: 'staging' },
    });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'New name' }), {
      target: { value: 'prod' },
    });
    expect(
      within(dialog).getByText(/already exists; keys with both labels keep it once/),
    ).toBeTruthy();
    fireEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Rename it on every server, not only this one',
      }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('Renamed "staging" to "prod" on 1 key.')).toBeTruthy();
    expect(fake.callsTo('labels:rename')).toEqual([{ from: 'staging', to: 'prod' }]);
  });
});
