import type { KeyView } from '../../../electron/contract/keys';
import type { Server } from '../../../electron/contract/servers';
import { keyView } from '../../support/key-view';

/** A server as `servers:list` returns it (test data for the tray). */
export function server(id: string, name: string, overrides: Partial<Server> = {}): Server {
  return {
    id,
    origin: `https://${id}.example.com`,
    name,
    active: false,
    hasCustomCa: false,
    fingerprint256: null,
    proxy: { mode: 'system', url: null, username: null, hasPassword: false, allowPlainHttp: false },
    proxyCa: null,
    timeoutMs: 15_000,
    version: 'v2.13.0',
    tokenApis: { v3: true, ext: true },
    maxTtlMs: null,
    signIn: { state: 'signed_in', method: 'api_key', provider: null, user: null, expiresAt: null },
    health: 'ok',
    lastRefreshedAt: null,
    lastError: null,
    nearExpiryCount: 0,
    ...overrides,
  };
}

/** A key as `keys:list` returns it (test data for the tray). */
export function key(id: string, overrides: Partial<KeyView> = {}): KeyView {
  return keyView(id, overrides);
}
