import { describe, expect, it } from 'vitest';
import { runModeFrom } from '../../../electron/main/e2e/e2e-mode';

describe('runModeFrom', () => {
  it('uses the real keychain service and default data dir normally', () => {
    expect(runModeFrom({}, { pid: 42, tmpDir: '/tmp' })).toEqual({
      e2e: false,
      keychainService: 'rancher-keys',
      userDataDir: null,
    });
  });

  it('uses a throwaway keychain service and a temp data dir under the Electron suite', () => {
    const mode = runModeFrom({ RANCHER_KEYS_E2E: '1' }, { pid: 42, tmpDir: '/tmp' });
    expect(mode.e2e).toBe(true);
    expect(mode.keychainService).toBe('rancher-keys-e2e-42');
    expect(mode.userDataDir).toMatch(/^\/tmp\/rancher-keys-e2e-42-\d+$/);
  });

  it('takes the data dir the suite chose when it is absolute', () => {
    const env = { RANCHER_KEYS_E2E: '1', RANCHER_KEYS_USER_DATA: '/tmp/chosen' };
    expect(runModeFrom(env, { pid: 1, tmpDir: '/tmp' }).userDataDir).toBe('/tmp/chosen');
  });
});
