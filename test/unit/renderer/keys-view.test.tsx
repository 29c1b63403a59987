import { act, cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

const DAY = 86_400_000;
const now = Date.now();
const keys = [
  makeKey({
    id: 'token-late',
    description: 'late',
    expiresAt: new Date(now + 30 * DAY).toISOString(),
  }),
  makeKey({
    id: 'token-soon',
    description: 'soon',
    labels: ['ci'],
    expiresAt: new Date(now + 2 * DAY).toISOString(),
    state: 'expiring',
  }),
  makeKey({ id: 'token-none', description: 'no secret', hasSecret: false, preview: null }),
];

async function renderApp(maxTtlMs: number | null = 90 * DAY) {
  const fake = createFakeApi({
    ...worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true, maxTtlMs })], keys),
    'keys:copy': ({ format }) => ({ format, clearsInMs: 30_000 }),
  });
  const stores = createAppStores(fake.api, createTick(1_000));
  render(<App api={fake.api} stores={stores} />);
  await screen.findAllByTestId('key-row');
  return { fake, stores };
}

const rowIds = () => screen.getAllByTestId('key-row').map((r) => r.dataset.keyId);

describe('KeysView', () => {
  it('says when the sign-in is the token single sign-on gave (Rancher refused a key) and when it ends', async () => {
    const expiresAt = new Date(now + 20 * 3_600_000).toISOString();
    const signIn = {
      state: 'signed_in' as const,
      method: 'sso' as const,
      provider: 'okta',
      user: { id: 'u-1', username: 'alice', displayName: 'Alice' },
      expiresAt,
      obtained: 'kubeconfig' as const,
    };
    const fake = createFakeApi(
      worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true, signIn })], keys),
    );
    render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
    expect((await screen.findByTestId('sign-in-obtained')).textContent).toBe(
      'with the kubeconfig token single sign-on gave (Rancher did not allow a key of its own)',
    );
    expect(screen.getByTestId('health-pill').textContent).toContain('session ends');
  });

  it('lists keys soonest expiry first and re-sorts on a header click', async () => {
    await renderApp();
    expect(rowIds()).toEqual(['token-soon', 'token-late', 'token-none']);
    fireEvent.click(screen.getByRole('button', { name: /^Description/ }));
    expect(rowIds()).toEqual(['token-late', 'token-none', 'token-soon']);
  });

  it('narrows the rows as the user types a search', async () => {
    await renderApp();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search keys' }), {
      target: { value: 'ci' },
    });
    expect(rowIds()).toEqual(['token-soon']);
  });

  it('marks a key without a secret and offers to store it instead of a dead Copy', async () => {
    await renderApp();
    const row = screen.getAllByTestId('key-row').find((r) => r.dataset.keyId === 'token-none')!;
    expect(row.textContent).toContain('No secret stored');
    expect(within(row).getByTitle(/^No secret stored: /).textContent).toBe('No secret stored');
    expect(within(row).queryByRole('button', { name: /^Copy/ })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: /^Store secret for / }));
    const dialog = await screen.findByTestId('import-key-dialog');
    expect(within(dialog).getByTestId('import-access-key').textContent).toBe('token-none');
    expect(within(dialog).getByLabelText(/^Secret key/)).toBeTruthy();
  });

  it('moves the cursor on a row click, selects on a checkbox click, and copies without moving it', async () => {
    const { stores } = await renderApp();
    const row = (id: string) =>
      screen.getAllByTestId('key-row').find((r) => r.dataset.keyId === id)!;
    fireEvent.click(within(row('token-late')).getByText('late'));
    expect(stores.keys.store.getState().cursor).toBe('token-late');
    expect(row('token-late').getAttribute('aria-selected')).toBe('false');

    fireEvent.click(within(row('token-soon')).getByRole('checkbox', { name: 'Select soon' }));
    expect(stores.keys.store.getState().cursor).toBe('token-soon');
    expect(row('token-soon').getAttribute('aria-selected')).toBe('true');
    expect(within(row('token-soon')).getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
    // Only the rows whose flags changed show it (rows are memoised and read their flags as props).
    expect(row('token-late').className).toBe('row');
    expect(row('token-soon').className).toBe('row selected cursor');

    fireEvent.click(within(row('token-late')).getByRole('button', { name: 'Copy late' }));
    expect(stores.keys.store.getState().cursor).toBe('token-soon');
    expect(
      await within(row('token-late')).findByRole('button', { name: 'Copied ✓ late' }),
    ).toBeTruthy();

    fireEvent.click(
      within(row('token-late')).getByRole('button', { name: 'More actions for late' }),
    );
    expect(stores.keys.store.getState().cursor).toBe('token-late');
    expect(await screen.findByRole('menu')).toBeTruthy();
  });

  it('copies the bearer in one click and says when the clipboard clears', async () => {
    const { fake } = await renderApp();
    const row = screen.getAllByTestId('key-row').find((r) => r.dataset.keyId === 'token-soon')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Copy/ }));
    expect(
      (await screen.findByText('Bearer token of token-soon copied, clears in 30 s')).textContent,
    ).toBeTruthy();
    expect(fake.callsTo('keys:copy')).toEqual([
      { serverId: 'a', keyId: 'token-soon', format: 'bearer' },
    ]);
  });

  it('moves the cursor with arrow keys and copies with Enter', async () => {
    const { fake } = await renderApp();
    const grid = screen.getByTestId('keys-table');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('key-row-token-late');
    fireEvent.keyDown(grid, { key: ' ' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(fake.callsTo('keys:copy')).toEqual([
      { serverId: 'a', keyId: 'token-late', format: 'bearer' },
    ]);
    expect(screen.getByText('1 selected')).toBeTruthy();
  });

  it('opens the help overlay with ? and the new-key dialog with n', async () => {
    await renderApp();
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.keyDown(window, { key: 'n' });
    expect(screen.getByRole('dialog', { name: 'New key' })).toBeTruthy();
  });
});

describe('CreateKeyDialog', () => {
  it('offers the maximum, not "Never", when the server has one, and checks a custom value', async () => {
    await renderApp(30 * DAY);
    fireEvent.keyDown(window, { key: 'n' });
    const dialog = screen.getByRole('dialog', { name: 'New key' });
    expect(within(dialog).getByText('maximum allowed: 30 days')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Never expires')).toBeNull();
    expect(within(dialog).getByLabelText('Maximum allowed: 30 days')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('Custom'));
    fireEvent.input(within(dialog).getByLabelText('Custom expiry value'), {
      target: { value: '45' },
    });
    expect(within(dialog).getByText('This server allows at most 30 days.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Create key' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('offers "Never expires" when the server sets no maximum', async () => {
    await renderApp(null);
    fireEvent.keyDown(window, { key: 'n' });
    expect(screen.getByLabelText('Never expires')).toBeTruthy();
  });
});
