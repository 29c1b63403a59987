import type { Cluster } from '../../contract/servers';

/** The longest cluster name kept (Rancher's display names are far shorter; servers are untrusted). */
const MAX_NAME = 256;

/**
 * Each server's cluster names by cluster id, learned from its cluster list at refresh, so key
 * views show "prod-eu" where Rancher does instead of `c-m-4x7kq2lb`. Kept in memory: a start
 * shows ids until the first refresh has listed the clusters.
 */
export interface ClusterNames {
  /** The name of `clusterId` on `serverId`, or null when unknown. */
  name(serverId: string, clusterId: string): string | null;
  /** Replaces a server's names; returns whether any changed. */
  set(serverId: string, clusters: readonly Cluster[]): boolean;
  /** An object that changes identity whenever the server's names change (view caches key on it). */
  version(serverId: string): object;
  forget(serverId: string): void;
}

const none: ReadonlyMap<string, string> = new Map();

export function createClusterNames(): ClusterNames {
  const byServer = new Map<string, ReadonlyMap<string, string>>();
  return {
    name: (serverId, clusterId) => byServer.get(serverId)?.get(clusterId) ?? null,
    set(serverId, clusters) {
      const next = new Map<string, string>();
      for (const c of clusters) {
        const name = c.name.trim();
        if (name && name !== c.id) next.set(c.id, [...name].slice(0, MAX_NAME).join(''));
      }
      const before = byServer.get(serverId) ?? none;
      const same = before.size === next.size && [...next].every(([id, n]) => before.get(id) === n);
      if (!same) byServer.set(serverId, next);
      return !same;
    },
    version: (serverId) => byServer.get(serverId) ?? none,
    forget(serverId) {
      byServer.delete(serverId);
    },
  };
}
