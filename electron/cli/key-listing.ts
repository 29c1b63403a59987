import type { KeyState } from '../contract/keys';
import { expiringWindow } from '../core/keys/key-context';
import { handleOf } from '../core/keys/key-handle';
import type { KeyRecord } from '../core/keys/key-records';
import { keyStateOf } from '../core/keys/key-view';
import type { StoredServer } from '../core/servers/server-store';
import type { CliContext } from './cli-context';

/** A key as `list` and `check` show it: never its secret. */
export interface ListedKey {
  keyId: string;
  handle: string;
  isDefault: boolean;
  description: string;
  state: KeyState;
  expiresAt: string | null;
  clusterId: string | null;
  hasSecret: boolean;
  labels: string[];
}

/** A server with its API keys, soonest expiry first. */
export interface ListedServer {
  id: string;
  name: string;
  origin: string;
  active: boolean;
  /** When the app last fetched the list from the server. */
  refreshedAt: string | null;
  keys: ListedKey[];
}

function listed(
  keyId: string,
  record: KeyRecord,
  server: StoredServer,
  now: number,
  windowMs: number,
): ListedKey {
  return {
    keyId,
    handle: handleOf(keyId, record),
    isDefault: record.toolsDefault,
    description: record.token.description,
    state: keyStateOf(record, now, windowMs),
    expiresAt: record.token.expiresAt,
    clusterId: record.token.clusterId,
    hasSecret: record.hasSecret || server.signIn?.keyId === keyId,
    labels: [...record.labels],
  };
}

const expiry = (k: ListedKey) => (k.expiresAt ? Date.parse(k.expiresAt) : Infinity);

/** The servers a command covers (`--server`, else all) with their cached API keys. */
export async function listServers(
  ctx: CliContext,
  serverRef: string | undefined,
): Promise<ListedServer[]> {
  const doc = await ctx.servers();
  const chosen = serverRef === undefined ? doc.servers : [await ctx.server(serverRef)];
  const windowMs = expiringWindow(await ctx.settings());
  const now = ctx.io.now();
  const out: ListedServer[] = [];
  for (const server of chosen) {
    const keysDoc = await ctx.keys(server);
    const keys = Object.entries(keysDoc.keys)
      .filter(([, r]) => r.token.kind === 'api_key')
      .map(([id, r]) => listed(id, r, server, now, windowMs))
      .sort((a, b) => expiry(a) - expiry(b) || a.keyId.localeCompare(b.keyId));
    out.push({
      id: server.id,
      name: server.name,
      origin: server.origin,
      active: server.id === doc.activeId,
      refreshedAt: keysDoc.refreshedAt,
      keys,
    });
  }
  return out;
}
