import type { Settings } from '../contract/settings';
import { settingsSchema } from '../contract/settings';
import { readKeysFile } from '../core/keys/key-cache-file';
import type { ServerKeysDoc } from '../core/keys/key-records';
import { createLogger, type Logger } from '../core/log';
import { settingsDocument } from '../core/settings/settings-service';
import { readServers, type ServersDocument, type StoredServer } from '../core/servers/server-store';
import { createKeytarSecretStore, type KeytarLike } from '../core/vault/keytar-secret-store';
import { createMetadataStore } from '../core/vault/metadata-store';
import type { SecretStore } from '../core/vault/secret-store';
import type { NetworkPolicy } from '../core/network/network-policy';
import type { TrustStore } from '../core/network/trust-store';
import { envProxyResolver } from '../core/network/proxy-env';
import { serverNetworkPolicy, type ServerNetworkDeps } from '../core/servers/server-proxy';
import { proxyAccount } from '../core/vault/keychain-accounts';
import { printable } from './args';
import { CliError, type CliIo } from './io';
import type { SelfCommand } from './self-command';

/** What every command works with: the data directory (read only), the keychain, the process. */
export interface CliContext {
  io: CliIo;
  dataDir: string;
  /** The data directory was named (flag or environment) rather than the app's default. */
  dataDirGiven: boolean;
  keychainService: string;
  /** How a kubeconfig's exec entry runs this command. */
  self: SelfCommand;
  servers(): Promise<ServersDocument>;
  /** The server a command names (`--server`), or the active (or only) one. */
  server(ref: string | undefined): Promise<StoredServer>;
  keys(server: StoredServer): Promise<ServerKeysDoc>;
  settings(): Promise<Settings>;
  /** The keychain, opened on first use. */
  secrets(): SecretStore;
  /**
   * How a server is reached from the command: its proxy setting, where "system" means
   * `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`, and the OS trust store.
   */
  network(server: StoredServer): NetworkPolicy;
}

/** Builds the context; nothing is read until a command asks. */
export function createCliContext(options: {
  io: CliIo;
  dataDir: string;
  dataDirGiven: boolean;
  keychainService: string;
  self: SelfCommand;
  /** Loads keytar's binding (the single executable carries its own); default `import('keytar')`. */
  loadKeytar?: () => KeytarLike | null;
}): CliContext {
  const { io, dataDir } = options;
  // A read-only store reports damage as an error and has nothing else to log.
  const log = createLogger(() => undefined);
  const metadata = createMetadataStore({ dir: dataDir, log, readOnly: true });
  let serversDoc: Promise<ServersDocument> | undefined;
  let secrets: SecretStore | undefined;
  let network: ServerNetworkDeps | undefined;

  const ctx: CliContext = {
    io,
    dataDir,
    dataDirGiven: options.dataDirGiven,
    keychainService: options.keychainService,
    self: options.self,
    servers: () => (serversDoc ??= readServers(metadata)),
    network(server) {
      network ??= {
        systemProxy: envProxyResolver(process.env),
        trustStore: lazyTrustStore(log),
      };
      return serverNetworkPolicy(server.proxy, network, () =>
        ctx.secrets().get(proxyAccount(server.origin)),
      );
    },
    async server(ref) {
      const { servers, activeId } = await ctx.servers();
      if (servers.length === 0) {
        throw new CliError(
          `Rancher Keys has no servers in ${dataDir}: add one in the app first (or point --data-dir at its data directory).`,
        );
      }
      if (ref === undefined) {
        const chosen =
          servers.find((s) => s.id === activeId) ?? (servers.length === 1 ? servers[0] : undefined);
        if (chosen) return chosen;
        throw new CliError(
          `Name a server with --server (one of: ${servers.map((s) => s.name).join(', ')}).`,
        );
      }
      const found = findServer(servers, ref);
      if (found) return found;
      throw new CliError(
        `There is no server "${printable(ref)}" in Rancher Keys (servers: ${servers.map((s) => s.name).join(', ')}).`,
      );
    },
    keys: async (server) => (await readKeysFile(metadata, server.id)).doc,
    settings: () => metadata.read(settingsDocument, settingsSchema, settingsSchema.parse({})),
    secrets() {
      if (secrets) return secrets;
      // The single executable's binding is written out and loaded once per process.
      const keytar = options.loadKeytar?.() ?? null;
      secrets = createKeytarSecretStore({
        service: options.keychainService,
        platform: io.platform,
        ...(keytar ? { keytar } : {}),
      });
      return secrets;
    },
  };
  return ctx;
}

/**
 * The OS trust store, loaded on first use: only commands that reach a server need it, and its
 * module loads `node:tls`, which the single executable's startup snapshot cannot hold.
 */
function lazyTrustStore(log: Logger): TrustStore {
  let store: Promise<TrustStore> | undefined;
  return {
    async certificates() {
      store ??= import('../core/network/node-trust-store').then((m) => m.systemTrustStore(log));
      return (await store).certificates();
    },
  };
}

function comparableOrigin(text: string): string {
  const lower = text.trim().toLowerCase().replace(/\/+$/, '');
  return lower.includes('://') ? lower : `https://${lower}`;
}

/** A server by id, then name (any case), then address (with or without `https://`). */
export function findServer(
  servers: readonly StoredServer[],
  ref: string,
): StoredServer | undefined {
  const lower = ref.trim().toLowerCase();
  return (
    servers.find((s) => s.id === ref) ??
    servers.find((s) => s.name.toLowerCase() === lower) ??
    servers.find((s) => s.origin.toLowerCase() === comparableOrigin(ref))
  );
}
