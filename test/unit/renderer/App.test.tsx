import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RancherKeysApi } from '../../../electron/contract/ipc';
import { App } from '../../../renderer/src/App';
import { createApi } from '../../../renderer/src/api';

// Stands in for the preload: answers app:info with a fixed value.
function fakeBridge(value: unknown, ok = true): RancherKeysApi {
  return {
    invoke: (async () =>
      ok ? { ok: true, value } : { ok: false, error: value }) as RancherKeysApi['invoke'],
    on: () => () => undefined,
  };
}

describe('App', () => {
  it('shows the keychain as unavailable with its reason and fix when main reports so', async () => {
    const api = createApi(
      fakeBridge({
        version: '9.9.9',
        platform: 'linux',
        keychain: {
          status: 'unavailable',
          reason: 'No Secret Service.',
          fix: 'Install GNOME Keyring.',
        },
      }),
    );
    render(<App api={api} />);
    expect((await screen.findByTestId('keychain-status')).textContent).toBe(
      'unavailable — No Secret Service.',
    );
    expect(screen.getByTestId('keychain-fix').textContent).toBe('Install GNOME Keyring.');
  });

  it('shows the error message when main answers with an error', async () => {
    const api = createApi(fakeBridge({ code: 'internal', message: 'Main is unhappy.' }, false));
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Main is unhappy.');
  });
});
