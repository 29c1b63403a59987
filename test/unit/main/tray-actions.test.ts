import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract/errors';
import type { NotificationContent } from '../../../electron/main/notifications/notification-content';
import { createTrayActionRunner } from '../../../electron/main/tray/tray-actions';

/** Stands in for the core's dispatcher and the shell: records every call. */
function setup(answer: Result<unknown> = { ok: true, value: {} }) {
  const calls: unknown[] = [];
  const notes: NotificationContent[] = [];
  const run = createTrayActionRunner({
    dispatch: async (channel, input) => (calls.push([channel, input]), answer),
    showWindow: () => void calls.push('show'),
    navigate: (target) => void calls.push(['navigate', target]),
    quit: () => void calls.push('quit'),
    notify: (n) => void notes.push(n),
  });
  return { run, calls, notes };
}

describe('createTrayActionRunner', () => {
  it('copies the bearer token through the core when a key is clicked', async () => {
    const { run, calls, notes } = setup();
    await run({ kind: 'copyKey', serverId: 's', keyId: 'token-a' });
    expect(calls).toEqual([['keys:copy', { serverId: 's', keyId: 'token-a', format: 'bearer' }]]);
    expect(notes).toEqual([]);
  });

  it('switches the active server, refreshes, opens, navigates and quits', async () => {
    const { run, calls } = setup();
    await run({ kind: 'switchServer', serverId: 's2' });
    await run({ kind: 'refresh' });
    await run({ kind: 'open' });
    await run({ kind: 'openKey', serverId: 's', keyId: 'k' });
    await run({ kind: 'quit' });
    expect(calls).toEqual([
      ['servers:switch', { id: 's2' }],
      ['keys:refresh', {}],
      'show',
      ['navigate', { serverId: 's', keyId: 'k' }],
      'quit',
    ]);
  });

  it('tells the user by notification when copying fails', async () => {
    const { run, notes } = setup({
      ok: false,
      error: { code: 'keychain_locked', message: 'Unlock your keychain, then try again.' },
    });
    await run({ kind: 'copyKey', serverId: 's', keyId: 'token-a' });
    expect(notes).toEqual([
      {
        title: 'Could not copy the key',
        body: 'Unlock your keychain, then try again.',
        target: null,
      },
    ]);
  });
});
