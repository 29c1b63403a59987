/**
 * Keys deleted (revoked, or found gone) while this process runs, in order, so that a refresh whose
 * list was fetched before a delete does not bring the deleted key back (issue 10 §8). A refresh
 * notes the sequence number when it starts and drops listed keys deleted after that.
 */
export interface DeletedKeys {
  /** The current sequence number (a refresh takes it before it asks the server). */
  now(): number;
  note(serverId: string, keyId: string): void;
  /** Whether the key was deleted after sequence number `start`. */
  deletedSince(serverId: string, keyId: string, start: number): boolean;
  /** Forgets the server's deletions a refresh started after `start` has already seen. */
  prune(serverId: string, start: number): void;
}

export function createDeletedKeys(): DeletedKeys {
  let sequence = 0;
  const perServer = new Map<string, Map<string, number>>();
  return {
    now: () => sequence,
    note(serverId, keyId) {
      let keys = perServer.get(serverId);
      if (!keys) perServer.set(serverId, (keys = new Map<string, number>()));
      keys.set(keyId, ++sequence);
    },
    deletedSince(serverId, keyId, start) {
      const at = perServer.get(serverId)?.get(keyId);
      return at !== undefined && at > start;
    },
    prune(serverId, start) {
      const keys = perServer.get(serverId);
      if (!keys) return;
      for (const [keyId, at] of keys) if (at <= start) keys.delete(keyId);
      if (keys.size === 0) perServer.delete(serverId);
    },
  };
}
