import type { KeyView } from '../../../electron/contract/keys';

/** One key in the quick-copy palette, with the server it belongs to. */
export interface PaletteEntry {
  serverId: string;
  serverName: string;
  key: KeyView;
  /** Lower-cased text searched: name, access key, description, labels, cluster, server. */
  text: string;
}

/** A server's keys as `keys:list` gave them. */
export interface PaletteSource {
  serverId: string;
  serverName: string;
  keys: readonly KeyView[];
}

/** Builds the palette's entries once per opening (keystrokes only filter them). */
export function buildPaletteIndex(sources: readonly PaletteSource[]): PaletteEntry[] {
  const entries: PaletteEntry[] = [];
  for (const { serverId, serverName, keys } of sources) {
    for (const key of keys) {
      const text = [
        key.id,
        key.description,
        key.clusterName ?? '',
        key.clusterId ?? '',
        serverName,
        ...key.labels,
      ]
        .join('\n')
        .toLowerCase();
      entries.push({ serverId, serverName, key, text });
    }
  }
  // Copyable keys first, then by description: the usual pick is near the top before any typing.
  return entries.sort(
    (a, b) =>
      Number(b.key.hasSecret) - Number(a.key.hasSecret) ||
      a.key.description.localeCompare(b.key.description) ||
      a.key.id.localeCompare(b.key.id),
  );
}

/**
 * The entries whose text holds every word of `query` (any order, case-insensitive), at most
 * `limit` of them, in index order. One pass, stopping once `limit` are found.
 */
export function searchPalette(
  entries: readonly PaletteEntry[],
  query: string,
  limit = 50,
): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  const out: PaletteEntry[] = [];
  for (const entry of entries) {
    if (words.every((w) => entry.text.includes(w))) {
      out.push(entry);
      if (out.length >= limit) break;
    }
  }
  return out;
}
