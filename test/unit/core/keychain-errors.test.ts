import { describe, expect, it } from 'vitest';
import {
  keychainFailure,
  keychainStatusFromError,
} from '../../../electron/core/vault/keychain-errors';
import {
  createKeytarSecretStore,
  type KeytarLike,
} from '../../../electron/core/vault/keytar-secret-store';

// Messages are keytar's own, as listed in toolchain.md.
const noProvider = new Error(
  'The name org.freedesktop.secrets was not provided by any .service files',
);
const locked = new Error('Cannot create an item in a locked collection');

describe('keychainStatusFromError', () => {
  it('reports unavailable with the Linux fix when no Secret Service is provided', () => {
    const status = keychainStatusFromError(noProvider, 'linux');
    expect(status.status).toBe('unavailable');
    expect(status.reason).toContain('org.freedesktop.secrets');
    expect(status.fix).toMatch(/GNOME Keyring or KWallet/);
  });

  it('reports locked with an unlock hint when the collection is locked', () => {
    const status = keychainStatusFromError(locked, 'linux');
    expect(status.status).toBe('locked');
    expect(status.fix).toMatch(/Unlock/);
  });

  it('gives the macOS fix on darwin', () => {
    expect(keychainStatusFromError(locked, 'darwin').fix).toMatch(/Keychain Access/);
  });
});

describe('keychainFailure', () => {
  it('carries keychain_locked when the keyring is locked', () => {
    expect(keychainFailure(locked, 'linux').code).toBe('keychain_locked');
  });
  it('carries keychain_unavailable otherwise', () => {
    expect(keychainFailure(noProvider, 'linux').code).toBe('keychain_unavailable');
  });
});

describe('createKeytarSecretStore', () => {
  // Stands in for keytar on a locked keyring: reads quietly return null, writes fail (toolchain.md).
  const lockedKeytar: KeytarLike = {
    getPassword: async () => null,
    setPassword: () => Promise.reject(locked),
    deletePassword: async () => false,
    findCredentials: async () => [],
  };

  it('detects a locked keyring by probing with a write when reads would say nothing', async () => {
    const store = createKeytarSecretStore({
      service: 'x',
      keytar: lockedKeytar,
      platform: 'linux',
    });
    expect(await store.get('a')).toBeNull();
    expect((await store.status()).status).toBe('locked');
  });

  it('turns a failed write into a keychain_locked failure', async () => {
    const store = createKeytarSecretStore({
      service: 'x',
      keytar: lockedKeytar,
      platform: 'linux',
    });
    await expect(store.set('a', 'b')).rejects.toMatchObject({ code: 'keychain_locked' });
  });
});
