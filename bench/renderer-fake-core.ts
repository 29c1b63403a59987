import type { Result } from '../electron/contract/errors';
import type { KeyView } from '../electron/contract/keys';
import type { Server } from '../electron/contract/servers';
import { FIRST_KEYS_WINDOW } from '../electron/contract/constants';
import { defaultSettings, type Settings } from '../electron/contract/settings';
import { sortedList } from '../electron/core/keys/key-list-order';
import { sortExpiryOf } from '../electron/core/keys/key-view';

const DAY = 86_400_000;
const words = ['ci', 'deploy', 'backup', 'monitoring', 'terraform', 'argo', 'fleet', 'grafana'];
const teams = ['platform', 'payments', 'search', 'data', 'mobile', 'infra'];

/** `count` keys with varied descriptions, labels and expiries (deterministic). */
export function makeKeys(count: number, now = Date.now()): KeyView[] {
  const keys: KeyView[] = [];
  for (let i = 0; i < count; i++) {
    const id = `token-${i.toString(36).padStart(5, '0')}`;
    const days = ((i * 7919) % 400) - 20;
    const expiresAt = i % 13 === 0 ? null : new Date(now + days * DAY + i * 1000).toISOString();
    const state: KeyView['state'] =
      expiresAt === null ? 'active' : days < 0 ? 'expired' : days < 7 ? 'expiring' : 'active';
    keys.push({
      id,
      name: id,
      family: i % 5 === 0 ? 'ext' : 'v3',
      kind: 'api_key',
      description: `${words[i % words.length]} for ${teams[i % teams.length]} #${i}`,
      labels: [teams[i % teams.length]!, ...(i % 3 === 0 ? ['prod'] : [])],
      clusterId: i % 4 === 0 ? 'c-prod' : null,
      clusterName: i % 4 === 0 ? 'prod' : null,
      createdAt: new Date(now - (i % 300) * DAY).toISOString(),
      lastUsedAt: i % 2 ? new Date(now - (i % 50) * 3_600_000).toISOString() : null,
      expiresAt,
      ttlMs: expiresAt ? 90 * DAY : null,
      enabled: true,
      state,
      hasSecret: i % 11 !== 0,
      isSignInCredential: false,
      preview: i % 11 !== 0 ? `${id}:h6dp…gj4` : null,
      snoozedUntil: null,
      revokeAt: null,
      handle: id,
      isDefault: false,
    });
  }
  return keys;
}

function server(id: string, name: string, active: boolean, near: number): Server {
  return {
    id,
    origin: `https://${id}.example.com`,
    name,
    active,
    hasCustomCa: false,
    fingerprint256: null,
    proxy: { mode: 'system', url: null, username: null, hasPassword: false, allowPlainHttp: false },
    proxyCa: null,
    timeoutMs: 15_000,
    version: 'v2.13.1',
    tokenApis: { v3: true, ext: true },
    maxTtlMs: 90 * DAY,
    signIn: {
      state: 'signed_in',
      method: 'password',
      provider: 'local',
      user: { id: 'u-1', username: 'admin', displayName: 'Admin' },
      expiresAt: null,
    },
    health: 'ok',
    lastRefreshedAt: new Date().toISOString(),
    lastError: null,
    nearExpiryCount: near,
  };
}

/**
 * A stand-in for main for the renderer benchmark: answers the read channels with `count` keys on
 * one server, so the figures measure the window alone (no Rancher, no keychain). With
 * `spreadOver` > 1 the same keys are spread over that many servers instead (the quick-copy
 * palette's figure), the active one holding the first share.
 */
export function createFakeDispatch(count: number, spreadOver = 1) {
  // In the order the core lists them (soonest expiry first, key-list-order.ts). The window sorts
  // what it is sent again (its ties break differently), which for a list already in order is one
  // pass; a list in random order made the first screen's sort several times dearer than the real
  // window's (bench/RESULTS.md, "Renderer, margin pass").
  const made = makeKeys(count);
  const keys = sortedList(
    made,
    made.map((k) => sortExpiryOf(k.expiresAt)),
    true,
  );
  const near = keys.filter((k) => k.state === 'expiring' || k.state === 'expired').length;
  const servers =
    spreadOver > 1
      ? Array.from({ length: spreadOver }, (_, i) =>
          server(i === 0 ? 'bench' : `s${i}`, `Server ${i + 1}`, i === 0, 0),
        )
      : [server('bench', 'Bench server', true, near), server('other', 'Other', false, 0)];
  const share = Math.ceil(count / spreadOver);
  const keysOf = (serverId: unknown): KeyView[] => {
    if (spreadOver <= 1) return serverId === 'bench' ? keys : [];
    const at = servers.findIndex((s) => s.id === serverId);
    return at < 0 ? [] : keys.slice(at * share, (at + 1) * share);
  };
  let settings: Settings = defaultSettings;
  const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
    'app:info': () => ({
      version: '0.1.0-bench',
      platform: 'linux',
      keychain: { status: 'available', reason: null, fix: null },
    }),
    'settings:get': () => ({ settings }),
    'settings:set': (patch) => {
      settings = { ...settings, ...patch };
      return { settings };
    },
    'servers:list': () => ({ servers, activeId: 'bench' }),
    'servers:switch': ({ id }) => ({ server: servers.find((s) => s.id === id) ?? servers[0] }),
    'keys:list': ({ serverId, offset, limit }) => {
      const all = keysOf(serverId);
      const from = typeof offset === 'number' ? offset : 0;
      return {
        serverId,
        keys: all.slice(from, typeof limit === 'number' ? from + limit : undefined),
        total: all.length,
        revision: 1,
        refreshedAt: new Date().toISOString(),
        stale: false,
      };
    },
    'keys:refresh': () => ({ results: [] }),
    'keys:expiring': () => ({
      items: keys
        .filter((k) => k.state === 'expiring' || k.state === 'expired')
        .slice(0, 200)
        .map((key) => ({ serverId: 'bench', serverName: 'Bench server', key })),
    }),
    'expiry:summary': () => ({
      expiringCount: keys.filter((k) => k.state === 'expiring').length,
      expiredCount: keys.filter((k) => k.state === 'expired').length,
      next: null,
      perServer: { bench: near },
    }),
    'servers:clusters': () => ({ clusters: [{ id: 'c-prod', name: 'prod', state: 'active' }] }),
    'servers:providers': () => ({
      providers: [{ id: 'local', displayName: 'Local', passwordLogin: true }],
    }),
    'keys:copy': ({ format }) => ({ format, clearsInMs: settings.clipboardClearMs }),
    // As the core builds it: the answers of the channels it is made of.
    'app:start': () => ({
      settings,
      servers,
      activeId: 'bench',
      keys: {
        ok: true,
        value: answers['keys:list']!({ serverId: 'bench', limit: FIRST_KEYS_WINDOW }),
      },
      expiry: answers['expiry:summary']!({}),
    }),
  };
  return async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const answer = typeof channel === 'string' ? answers[channel] : undefined;
    if (!answer) {
      return { ok: false, error: { code: 'internal', message: 'Not available in the benchmark.' } };
    }
    return { ok: true, value: answer((input ?? {}) as Record<string, unknown>) };
  };
}
