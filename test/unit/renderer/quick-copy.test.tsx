import { act, cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, makeKey, makeServer, worldHandlers } from './fake-api';

afterEach(cleanup);

describe('quick copy', () => {
  it('copies the option clicked, keeping focus in the search field', async () => {
    const keys = [
      makeKey({ id: 'token-one', description: 'first key' }),
      makeKey({ id: 'token-two', description: 'second key' }),
    ];
    const fake = createFakeApi({
      ...worldHandlers([makeServer({ id: 'a', name: 'Alpha', active: true })], keys),
      'keys:copy': ({ format }) => ({ format, clearsInMs: 30_000 }),
    });
    render(<App api={fake.api} stores={createAppStores(fake.api, createTick(1_000))} />);
    await screen.findAllByTestId('key-row');
    act(() => fake.emit('app:command', { command: 'quickCopy' }));
    const results = await screen.findByTestId('quick-copy-results');
    await within(results).findByText('second key');
    const option = within(results)
      .getAllByTestId('quick-copy-option')
      .find((o) => o.textContent?.includes('second key'))!;
    const name = within(option).getByText('second key');
    // A press on an option must not take focus from the search field (returns false: prevented).
    expect(fireEvent.mouseDown(name)).toBe(false);
    fireEvent.click(name);
    expect(await screen.findByText(/^Bearer token of token-two copied/)).toBeTruthy();
    expect(fake.callsTo('keys:copy')).toEqual([
      { serverId: 'a', keyId: 'token-two', format: 'bearer' },
    ]);
  });
});
