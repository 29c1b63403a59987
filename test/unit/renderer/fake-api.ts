import type { AppInfo } from '../../../electron/contract/app';
import type { AppError } from '../../../electron/contract/errors';
import type {
  Channel,
  EventName,
  EventPayload,
  Input,
  Output,
} from '../../../electron/contract/ipc';
import type { KeyView } from '../../../electron/contract/keys';
import type { Server } from '../../../electron/contract/servers';
import { defaultSettings } from '../../../electron/contract/settings';
import { ApiError, type Api } from '../../../renderer/src/api';
import { keyView } from '../../support/key-view';

/** A `keys:list` answer holding every key at once (what a fake ignoring the window gives). */
export function wholeList(keys: KeyView[]): { keys: KeyView[]; total: number; revision: number } {
  return { keys, total: keys.length, revision: 1 };
}

type Handler<C extends Channel> = (input: Input<C>) => Output<C> | Promise<Output<C>>;
export type FakeHandlers = { [C in Channel]?: Handler<C> };

/**
 * Stands in for main in component and store tests: answers the channels given, records every
 * call, and lets a test emit events. A channel without a handler fails with `internal`.
 */
export function createFakeApi(handlers: FakeHandlers = {}) {
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api: Api = {
    async call(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel];
      if (!handler) throw new ApiError({ code: 'internal', message: `no fake for ${channel}` });
      return await handler(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  return {
    api,
    calls,
    handlers,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    /** Whether the window listens to `event` now. */
    listening(event: EventName): boolean {
      return (listeners.get(event)?.size ?? 0) > 0;
    },
    callsTo(channel: Channel) {
      return calls.filter((c) => c.channel === channel).map((c) => c.input);
    },
  };
}

/** Throws the contract error main would send. */
export function fail(error: AppError): never {
  throw new ApiError(error);
}

const HOUR = 3_600_000;

/** A KeyView with sensible defaults. */
export function makeKey(overrides: Partial<KeyView> & { id: string }): KeyView {
  return keyView(overrides.id, {
    createdAt: '2026-01-01T00:00:00.000Z',
    preview: `${overrides.id}:abcd…wxyz`,
    ...overrides,
  });
}

/** A signed-in Server with sensible defaults. */
export function makeServer(overrides: Partial<Server> & { id: string }): Server {
  return {
    origin: `https://${overrides.id}.example.com`,
    name: overrides.id,
    active: false,
    hasCustomCa: false,
    fingerprint256: null,
    proxy: { mode: 'system', url: null, username: null, hasPassword: false, allowPlainHttp: false },
    proxyCa: null,
    timeoutMs: 15_000,
    version: 'v2.13.1',
    tokenApis: { v3: true, ext: true },
    maxTtlMs: 90 * 24 * HOUR,
    signIn: {
      state: 'signed_in',
      method: 'password',
      provider: 'local',
      user: { id: 'u-1', username: 'admin', displayName: 'Admin' },
      expiresAt: null,
    },
    health: 'ok',
    lastRefreshedAt: null,
    lastError: null,
    nearExpiryCount: 0,
    ...overrides,
  };
}

/** What `app:info` answers: a working keychain, plus `extra` (data problems, folder in use). */
export function appInfo(extra: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '9.9.9',
    platform: 'linux',
    keychain: { status: 'available', reason: null, fix: null },
    logFile: null,
    trayAvailable: true,
    ...extra,
  };
}

/** Handlers for a window with `servers` and `keys` (active: the first server). */
export function worldHandlers(servers: Server[], keys: KeyView[]): FakeHandlers {
  return {
    'app:info': () => appInfo({ logFile: '/home/me/.config/Rancher Keys/logs/main.log' }),
    'settings:get': () => ({ settings: defaultSettings }),
    'servers:list': () => ({ servers, activeId: servers[0]?.id ?? null }),
    'servers:switch': ({ id }) => ({ server: servers.find((s) => s.id === id) ?? servers[0]! }),
    'keys:list': ({ serverId }) => ({
      serverId: serverId ?? null,
      ...wholeList(keys),
      refreshedAt: new Date().toISOString(),
      stale: false,
    }),
    'expiry:summary': () => ({ expiringCount: 0, expiredCount: 0, next: null, perServer: {} }),
    'keys:expiring': () => ({ items: [] }),
    'servers:clusters': () => ({ clusters: [{ id: 'c-1', name: 'prod', state: 'active' }] }),
    'servers:providers': () => ({
      providers: [
        { id: 'local', displayName: 'Local', passwordLogin: true },
        { id: 'openldap', displayName: 'OpenLDAP', passwordLogin: true },
      ],
    }),
  };
}
