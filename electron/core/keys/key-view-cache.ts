import type { KeyView } from '../../contract/keys';
import type { Clock } from '../ports';
import type { ClusterNames } from './cluster-names';
import type { KeyCache } from './key-cache';
import type { KeyRecord } from './key-records';
import { expiringWindowOf, isVisible, sortViews, toKeyView } from './key-view';

/**
 * Each server's key views, built from its cached document and kept until something they depend on
 * changes. Views are asked for often (every list call, the server list's near-expiry counts, the
 * expiry scheduler after every change) and only change with the records, the settings, the
 * sign-in key, or when a key crosses into `expiring` / `expired`. A refresh keeps unchanged records
 * (and an unchanged `keys` object) as they were, so their views are reused as the same objects,
 * which the scheduler relies on to parse each view's instants once.
 */
export interface KeyViewCache {
  viewsOf(serverId: string): KeyView[];
  /**
   * The visible views in list order (a shared array: never change it), and the revision of that
   * order, which changes whenever the list does.
   */
  sorted(serverId: string, includeSystem: boolean): { keys: readonly KeyView[]; revision: number };
  /** API keys that are expiring or expired and not snoozed. */
  nearExpiryCount(serverId: string): number;
}

export function createKeyViewCache(deps: {
  cache: KeyCache;
  clock: Clock;
  expiringWithinMs(): number;
  signInKeyId(serverId: string): string | null;
  clusterNames: ClusterNames;
}): KeyViewCache {
  const built = new Map<
    string,
    {
      keys: object;
      window: number;
      signIn: string | null;
      names: object;
      /** The next instant a view's state changes. */
      validUntil: number;
      views: KeyView[];
      byRecord: Map<KeyRecord, KeyView>;
    }
  >();
  const sortedLists = new Map<
    string,
    { views: KeyView[]; includeSystem: boolean; keys: KeyView[]; revision: number }
  >();
  let revisions = 0;
  const nearExpiry = new Map<string, { views: KeyView[]; count: number; validUntil: number }>();

  function viewsOf(serverId: string): KeyView[] {
    const { keys } = deps.cache.get(serverId);
    const now = deps.clock.now();
    const window = deps.expiringWithinMs();
    const signIn = deps.signInKeyId(serverId);
    const names = deps.clusterNames.version(serverId);
    const hit = built.get(serverId);
    const reusable =
      hit !== undefined &&
      hit.window === window &&
      hit.signIn === signIn &&
      hit.names === names &&
      now < hit.validUntil;
    if (reusable && hit.keys === keys) return hit.views;
    const context = {
      now,
      expiringWithinMs: window,
      signInKeyId: signIn,
      clusterName: (clusterId: string) => deps.clusterNames.name(serverId, clusterId),
    };
    let validUntil = Infinity;
    const views: KeyView[] = [];
    const byRecord = new Map<KeyRecord, KeyView>();
    for (const id in keys) {
      const record = keys[id] as KeyRecord;
      const expires = record.token.expiresAt ? Date.parse(record.token.expiresAt) : NaN;
      if (!Number.isNaN(expires)) {
        const expiring = expires - expiringWindowOf(record, window);
        if (expiring > now && expiring < validUntil) validUntil = expiring;
        if (expires > now && expires < validUntil) validUntil = expires;
      }
      const view = (reusable ? hit.byRecord.get(record) : undefined) ?? toKeyView(record, context);
      views.push(view);
      byRecord.set(record, view);
    }
    built.set(serverId, { keys, window, signIn, names, validUntil, views, byRecord });
    return views;
  }

  return {
    viewsOf,
    sorted(serverId, includeSystem) {
      const views = viewsOf(serverId);
      let hit = sortedLists.get(serverId);
      if (hit?.views !== views || hit.includeSystem !== includeSystem) {
        const keys = sortViews(views.filter((v) => isVisible(v, includeSystem)));
        hit = { views, includeSystem, keys, revision: ++revisions };
        sortedLists.set(serverId, hit);
      }
      return { keys: hit.keys, revision: hit.revision };
    },
    nearExpiryCount(serverId) {
      // Counted once per set of views, until a snooze in it ends.
      const now = deps.clock.now();
      const views = viewsOf(serverId);
      const hit = nearExpiry.get(serverId);
      if (hit?.views === views && now < hit.validUntil) return hit.count;
      let count = 0;
      let validUntil = Infinity;
      for (const k of views) {
        if (k.kind !== 'api_key' || (k.state !== 'expiring' && k.state !== 'expired')) continue;
        const snoozed = k.snoozedUntil ? Date.parse(k.snoozedUntil) : NaN;
        if (snoozed > now) validUntil = Math.min(validUntil, snoozed);
        else count++;
      }
      nearExpiry.set(serverId, { views, count, validUntil });
      return count;
    },
  };
}
