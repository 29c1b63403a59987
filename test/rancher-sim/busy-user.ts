import type { SimState } from './state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Options of {@link addBusyUserTokens}. */
export interface BusyUserOptions {
  /** User id or username whose list grows. */
  user: string;
  /** Tokens to add (default 20,000). */
  count?: number;
  /** Clusters scoped kubeconfig tokens point at; ids the server does not have stand for deleted ones. */
  clusterIds?: readonly string[];
  /** Seed of the mix, so a run is repeatable (default 1). */
  seed?: number;
}

/** What {@link addBusyUserTokens} added, by kind, for assertions. */
export interface BusyUserCounts {
  kubeconfig: number;
  scopedKubeconfig: number;
  apikey: number;
  session: number;
  ext: number;
  expired: number;
  neverUsed: number;
  neverExpires: number;
  disabledExt: number;
}

/** A small deterministic PRNG (mulberry32): the mix is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Gives a user the token list real installs grow (issue 16): mostly kubeconfig tokens (every
 * kubeconfig download mints one; some scoped to clusters, some to clusters since deleted), then
 * API keys, UI sessions and, where the release has them, ext tokens (some disabled, some never
 * expiring), of ages up to two years, some never used. Tokens are placed directly in the store.
 */
export function addBusyUserTokens(state: SimState, options: BusyUserOptions): BusyUserCounts {
  const random = prng(options.seed ?? 1);
  const count = options.count ?? 20_000;
  const clusters = options.clusterIds ?? [...state.clusters.keys()];
  const now = state.clock.now();
  const counts: BusyUserCounts = {
    kubeconfig: 0,
    scopedKubeconfig: 0,
    apikey: 0,
    session: 0,
    ext: 0,
    expired: 0,
    neverUsed: 0,
    neverExpires: 0,
    disabledExt: 0,
  };
  for (let i = 0; i < count; i++) {
    const createdMs = now - Math.floor(random() * 730 * DAY);
    const used = random() < 0.6;
    const lastUsedMs = used ? createdMs + Math.floor(random() * (now - createdMs)) : undefined;
    if (!used) counts.neverUsed++;
    const roll = random();
    if (roll < 0.7) {
      const scoped = clusters.length > 0 && random() < 0.5;
      const ttlMs = 30 * DAY;
      if (now - createdMs >= ttlMs) counts.expired++;
      state.addToken({
        user: options.user,
        kind: 'kubeconfig',
        ttlMs,
        createdMs,
        clusterId: scoped ? clusters[Math.floor(random() * clusters.length)]! : null,
        ...(lastUsedMs === undefined ? {} : { lastUsedMs }),
      });
      counts.kubeconfig++;
      if (scoped) counts.scopedKubeconfig++;
    } else if (roll < 0.85) {
      const never = random() < 0.2;
      const ttlMs = never ? 0 : 90 * DAY;
      if (never) counts.neverExpires++;
      else if (now - createdMs >= ttlMs) counts.expired++;
      state.addToken({
        user: options.user,
        description: `script ${i}`,
        ttlMs,
        createdMs,
        ...(lastUsedMs === undefined ? {} : { lastUsedMs }),
      });
      counts.apikey++;
    } else if (roll < 0.95 || !state.profile.extTokens) {
      const ttlMs = 16 * HOUR;
      if (now - createdMs >= ttlMs) counts.expired++;
      state.addToken({
        user: options.user,
        kind: 'session',
        description: 'UI session',
        ttlMs,
        createdMs,
        ...(lastUsedMs === undefined ? {} : { lastUsedMs }),
      });
      counts.session++;
    } else {
      const never = random() < 0.3;
      const enabled = random() < 0.8;
      const ttlMs = never ? -1 : 90 * DAY;
      if (never) counts.neverExpires++;
      else if (now - createdMs >= ttlMs) counts.expired++;
      if (!enabled) counts.disabledExt++;
      state.addExtToken({
        user: options.user,
        description: `ext automation ${i}`,
        ttlMs,
        createdMs,
        enabled,
        ...(lastUsedMs === undefined ? {} : { lastUsedMs }),
      });
      counts.ext++;
    }
  }
  return counts;
}
