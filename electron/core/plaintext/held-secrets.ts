import type { KeyService } from '../keys/key-service';
import type { ServerService } from '../servers/server-service';
import { keySecretAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import type { SecretHasher } from './secret-hash';

/** Where the app holds a secret: the server and the key. */
export interface HeldKey {
  serverId: string;
  keyId: string;
}

/**
 * Answers "does the app hold this secret, and as which key?" by keyed hash, reading from the
 * keychain only the keys whose access key matches, once per lookup set. Hashes stay in memory.
 */
export function createHeldSecrets(deps: {
  servers: ServerService;
  keys: KeyService;
  secrets: SecretStore;
  hasher: SecretHasher;
}) {
  const byOrigin = () => new Map(deps.servers.list().map((s) => [s.origin, s.id]));

  /** The hash of a held key's secret, or null when the app holds none (or cannot read it). */
  async function heldHash(serverId: string, keyId: string): Promise<string | null> {
    const server = deps.servers.get(serverId);
    const key = deps.keys
      .list({ serverId, includeSystem: true })
      .keys.find((k) => k.id === keyId && k.hasSecret);
    if (!key) return null;
    let account: string;
    try {
      account = keySecretAccount(server.origin, server.signInKeyId, keyId);
    } catch {
      return null;
    }
    const secret = await deps.secrets.get(account).catch(() => null);
    return secret === null ? null : deps.hasher.hash(secret);
  }

  return {
    serverIdFor(origin: string | null): string | null {
      return origin === null ? null : (byOrigin().get(origin) ?? null);
    },
    heldHash,
    /** A matcher for one batch: each (server, key) is read from the keychain at most once. */
    matcher() {
      const cache = new Map<string, Promise<string | null>>();
      return (serverId: string, keyId: string): Promise<string | null> => {
        const id = `${serverId}\n${keyId}`;
        let hit = cache.get(id);
        if (!hit) {
          hit = heldHash(serverId, keyId);
          cache.set(id, hit);
        }
        return hit;
      };
    },
  };
}
export type HeldSecrets = ReturnType<typeof createHeldSecrets>;
