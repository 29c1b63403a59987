import { cleanup, fireEvent, render, screen } from './testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStores } from '../../../renderer/src/app-stores';
import { ErrorNotice } from '../../../renderer/src/ui/ErrorNotice';
import { StoresContext } from '../../../renderer/src/ui/stores-context';
import { createFakeApi } from './fake-api';

afterEach(cleanup);

function renderNotice(element: React.ReactElement) {
  const stores = createAppStores(createFakeApi().api);
  render(<StoresContext.Provider value={stores}>{element}</StoresContext.Provider>);
  return stores;
}

describe('ErrorNotice', () => {
  it('offers "Sign in again" for unauthorized and opens the sign-in dialog', () => {
    const stores = renderNotice(
      <ErrorNotice error={{ code: 'unauthorized', message: 'Session over.' }} serverId="s1" />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(stores.ui.store.getState().dialog).toEqual({ kind: 'signIn', serverId: 's1' });
  });

  it('offers to review the certificate for tls_untrusted with the certificate', () => {
    const certificate = {
      subject: 'CN=rancher',
      issuer: 'CN=ca',
      fingerprint256: 'AA:BB',
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2027-01-01T00:00:00Z',
    };
    const stores = renderNotice(
      <ErrorNotice
        error={{ code: 'tls_untrusted', message: 'Untrusted.', certificate }}
        serverId="s1"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Review certificate' }));
    expect(stores.ui.store.getState().dialog).toEqual({
      kind: 'trustCertificate',
      serverId: 's1',
      certificate,
    });
  });

  it('offers Retry for unreachable and calls back', () => {
    const retry = vi.fn();
    renderNotice(
      <ErrorNotice
        error={{ code: 'unreachable', message: 'No route.' }}
        serverId="s1"
        onRetry={retry}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('shows the keychain fix from app:info for keychain errors', () => {
    const stores = createAppStores(createFakeApi().api);
    stores.settings.store.setState({
      info: {
        version: '1',
        platform: 'linux',
        keychain: { status: 'unavailable', reason: 'No bus.', fix: 'Install gnome-keyring.' },
        logFile: null,
        trayAvailable: true,
      },
    });
    render(
      <StoresContext.Provider value={stores}>
        <ErrorNotice error={{ code: 'keychain_unavailable', message: 'Cannot store.' }} />
      </StoresContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Install gnome-keyring.');
  });

  it('offers no remedy button for invalid input', () => {
    renderNotice(
      <ErrorNotice error={{ code: 'invalid_input', message: 'Bad URL.' }} serverId="s1" />,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
