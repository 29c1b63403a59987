import type { Server } from '../../../../electron/contract/servers';
import type { TokenFamily } from '../../../../electron/contract/keys';
import { AppFailure } from '../../../../electron/core/app-failure';
import type {
  CreatedToken,
  RancherClient,
  RancherToken,
} from '../../../../electron/core/rancher/rancher-client';
import type { ServerRecord, ServerService } from '../../../../electron/core/servers/server-service';
import type { Clock } from '../../../../electron/core/ports';
import { sameToken } from '../../../../electron/core/rancher/token-model';

/**
 * An in-memory Rancher (tokens of one user, clamping to a maximum, 401 for a wrong secret) behind
 * a minimal ServerService. Stands in for engineer A's real RancherClient and ServerService in unit
 * tests; integration tests use the real ones against test/rancher-sim.
 */
export interface FakeRancher {
  servers: ServerService & { records: Map<string, ServerRecord> };
  tokens: Map<string, { token: RancherToken; secret: string }>;
  /** Makes every call of the server fail with this code (null = healthy). */
  fail(code: 'unreachable' | 'timeout' | 'server_error' | null): void;
  /** Sets the server's cluster list. */
  setClusters(list: Array<{ id: string; name: string; state: string }>): void;
  /** Adds a token as if created elsewhere; returns its bearer. */
  seed(partial: Partial<RancherToken> & { name: string }): string;
  calls: string[];
}

let counter = 0;
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
function randomName(): string {
  counter++;
  let out = '';
  let n = counter * 7919 + 12345;
  for (let i = 0; i < 5; i++) {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + i * 31;
  }
  return `token-${out}`;
}
/** A secret of Rancher's shape (54 characters of its alphabet), derived from the name. */
const secretFor = (name: string) =>
  Array.from(
    { length: 54 },
    (_, i) => alphabet[(name.charCodeAt(i % name.length) + i) % alphabet.length],
  ).join('');

export function createFakeRancher(options: {
  clock: Clock;
  maxTtlMs?: number | null;
  ext?: boolean;
  userId?: string;
}): FakeRancher {
  const { clock } = options;
  const userId = options.userId ?? 'user-abc12';
  const tokens = new Map<string, { token: RancherToken; secret: string }>();
  const calls: string[] = [];
  /** What `clusters()` answers (the simulator and real servers list their clusters). */
  let clusterList: Array<{ id: string; name: string; state: string }> = [];
  let failure: 'unreachable' | 'timeout' | 'server_error' | null = null;
  const origin = 'https://rancher.example.com';
  const record: ServerRecord = {
    id: 's1',
    origin,
    name: 'Example',
    tokenApis: { v3: true, ext: options.ext ?? true },
    maxTtlMs: options.maxTtlMs === undefined ? 90 * 86_400_000 : options.maxTtlMs,
    signInKeyId: 'token-login',
    signedIn: true,
    caPem: null,
    anchorPem: null,
  };
  const records = new Map([[record.id, record]]);
  const key = (family: TokenFamily, name: string) => `${family}:${name}`;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

  function current(t: RancherToken): RancherToken {
    const expiresAt =
      t.ttlMs && t.ttlMs > 0 && t.createdAt ? Date.parse(t.createdAt) + t.ttlMs : null;
    return {
      ...t,
      expiresAt: expiresAt === null ? null : iso(expiresAt),
      expired: expiresAt !== null && expiresAt <= clock.now(),
    };
  }
  function check(op: string) {
    calls.push(op);
    if (failure) throw new AppFailure(failure, `fake: ${failure}`);
  }

  function client(bearer: string | null): RancherClient {
    const authed = () => {
      if (bearer === null) return;
      const id = bearer.slice(0, bearer.lastIndexOf(':'));
      const family: TokenFamily = id.startsWith('ext/') ? 'ext' : 'v3';
      const entry = tokens.get(key(family, id.replace(/^ext\//, '')));
      if (!entry || `${id}:${entry.secret}` !== bearer || current(entry.token).expired) {
        throw new AppFailure('unauthorized', 'fake: must authenticate');
      }
    };
    const unsupported = () => Promise.reject(new Error('fake: not supported'));
    return {
      origin,
      probe: unsupported,
      authProviders: unsupported,
      login: unsupported,
      logout: unsupported,
      sso: {
        providers: unsupported,
        authToken: unsupported,
        deleteAuthToken: unsupported,
        idTokenLogin: unsupported,
      },
      clusters: async () => clusterList,
      async me() {
        check('me');
        authed();
        return { id: userId, username: 'admin', displayName: 'Admin' };
      },
      async listTokens(known) {
        check('listTokens');
        // As the real client: a token that says the same as the one `known` holds is that object.
        return [...tokens.values()].map((e) => {
          const listed = current(e.token);
          const held = known?.(listed.family, listed.name);
          return held && sameToken(held, listed) ? held : listed;
        });
      },
      async getToken(family, name) {
        check('getToken');
        const entry = tokens.get(key(family, name));
        return entry ? current(entry.token) : null;
      },
      async createToken(input): Promise<CreatedToken> {
        check('createToken');
        const max = record.maxTtlMs;
        let ttl = input.ttlMs;
        if (max !== null && (ttl === 0 || ttl > max)) ttl = max;
        const name = randomName();
        const token: RancherToken = {
          family: input.family,
          name,
          kind: 'api_key',
          description: input.description,
          userId,
          clusterId: input.clusterId,
          createdAt: iso(clock.now()),
          lastUsedAt: null,
          expiresAt: null,
          ttlMs: ttl === 0 ? null : ttl,
          enabled: true,
          expired: false,
        };
        const secret = secretFor(name);
        tokens.set(key(input.family, name), { token, secret });
        const id = input.family === 'ext' ? `ext/${name}` : name;
        // Like v3 (rancher-api.md §4.4): the create response has no expiresAt yet.
        return { token: { ...token }, bearer: `${id}:${secret}` };
      },
      async deleteToken(family, name) {
        check('deleteToken');
        return tokens.delete(key(family, name)) ? 'deleted' : 'not_found';
      },
      async updateExtToken(name, patch) {
        check('updateExtToken');
        const entry = tokens.get(key('ext', name));
        if (!entry) throw new AppFailure('not_found', 'fake: not found');
        entry.token = {
          ...entry.token,
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.ttlMs !== undefined ? { ttlMs: patch.ttlMs } : {}),
        };
        return current(entry.token);
      },
    };
  }

  const summary = (r: ServerRecord): Server => ({
    id: r.id,
    origin: r.origin,
    name: r.name,
    active: true,
    hasCustomCa: false,
    fingerprint256: null,
    proxy: { mode: 'system', url: null, username: null, hasPassword: false, allowPlainHttp: false },
    proxyCa: null,
    timeoutMs: 5_000,
    version: 'v2.13.0',
    tokenApis: r.tokenApis,
    maxTtlMs: r.maxTtlMs,
    signIn: { state: 'signed_in', method: 'api_key', provider: null, user: null, expiresAt: null },
    health: 'ok',
    lastRefreshedAt: null,
    lastError: null,
    nearExpiryCount: 0,
  });
  const notBuilt = () => Promise.reject(new Error('fake: not supported'));
  const servers: FakeRancher['servers'] = {
    records,
    load: async () => undefined,
    settled: async () => undefined,
    list: () => [...records.values()].map(summary),
    activeId: () => 's1',
    get(id) {
      const r = records.get(id);
      if (!r) throw new AppFailure('not_found', 'No such server.');
      return r;
    },
    add: notBuilt,
    update: notBuilt,
    remove: notBuilt,
    switchTo: notBuilt,
    providers: notBuilt,
    clusters: notBuilt,
    signIn: notBuilt,
    signOut: notBuilt,
    adoptSso: notBuilt,
    anonymousClient: () => client(null),
    idpTransport: () => {
      throw new Error('fake: not supported');
    },
    clientFor(id) {
      if (!servers.get(id).signedIn) throw new AppFailure('unauthorized', 'Sign in first.');
      return client(null);
    },
    clientWith: (_id, bearer) => client(bearer),
    noteOutcome: () => undefined,
    sessionExpiry: () => null,
    onChange: () => () => undefined,
  };
  return {
    servers,
    tokens,
    calls,
    fail(code) {
      failure = code;
    },
    setClusters(list) {
      clusterList = list;
    },
    seed(partial) {
      const token: RancherToken = {
        family: 'v3',
        kind: 'api_key',
        description: '',
        userId,
        clusterId: null,
        createdAt: iso(clock.now()),
        lastUsedAt: null,
        expiresAt: null,
        ttlMs: null,
        enabled: true,
        expired: false,
        ...partial,
      };
      const secret = secretFor(partial.name);
      tokens.set(key(token.family, token.name), { token, secret });
      return `${token.family === 'ext' ? 'ext/' : ''}${token.name}:${secret}`;
    },
  };
}
