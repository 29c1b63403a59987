import type { KeychainStatus } from '../../contract/app';
import { parseProbeAccount, probeAccount } from './keychain-accounts';
import { keychainFailure, keychainStatusFromError } from './keychain-errors';
import type { SecretStore } from './secret-store';
import { isProcessRunning } from './process-alive';

/** The part of keytar we use; injected so tests can stand in a failing keychain. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

const TRANSIENT_ATTEMPTS = 4;

/** D-Bus errors the Secret Service gives while another item is being created (not a real outage). */
function isTransient(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No such interface|No such object|UnknownObject|UnknownMethod/i.test(message);
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

/**
 * The OS keychain through keytar. keytar is loaded on first use, so a missing libsecret shows up as
 * `keychain_unavailable` with the fix rather than as a crash at start-up.
 */
export function createKeytarSecretStore(options: {
  service: string;
  platform?: NodeJS.Platform;
  keytar?: KeytarLike;
}): SecretStore {
  const platform = options.platform ?? process.platform;
  const { service } = options;
  let loaded: Promise<KeytarLike> | undefined = options.keytar
    ? Promise.resolve(options.keytar)
    : undefined;
  const keytar = () => (loaded ??= loadKeytar());

  // One keychain call at a time: the Secret Service answers concurrent item creation with
  // transient D-Bus errors ("No such interface org.freedesktop.Secret.Item"), and gnome-keyring
  // handles calls one by one anyway. A transient error is retried a few times before it counts.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(op: (k: KeytarLike) => Promise<T>): Promise<T> {
    const job = queue.then(async () => {
      const k = await keytar();
      for (let attempt = 1; ; attempt++) {
        try {
          return await op(k);
        } catch (error) {
          if (attempt >= TRANSIENT_ATTEMPTS || !isTransient(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
        }
      }
    });
    queue = job.catch(() => undefined);
    return job;
  }

  async function guarded<T>(op: (k: KeytarLike) => Promise<T>): Promise<T> {
    try {
      return await serial(op);
    } catch (error) {
      throw keychainFailure(error, platform);
    }
  }

  // Probe items a killed process left behind, removed once per run (in the background: a sweep
  // lists every item, and the first probe must not wait for it).
  let swept: Promise<void> | null = null;
  const sweepProbes = () =>
    serial(async (k) => {
      for (const { account } of await k.findCredentials(service)) {
        const probe = parseProbeAccount(account);
        if (probe && probe.pid !== process.pid && !isProcessRunning(probe.pid)) {
          await k.deletePassword(service, account);
        }
      }
    }).catch(() => undefined);

  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, secret) => guarded((k) => k.setPassword(service, account, secret)),
    delete: (account) => guarded((k) => k.deletePassword(service, account)),
    accounts: () => guarded(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
    async status(): Promise<KeychainStatus> {
      // A locked keyring answers reads with null, so only a write proves it usable (toolchain.md).
      const probe = probeAccount(process.pid);
      try {
        await serial(async (k) => {
          await k.setPassword(service, probe, 'probe');
          await k.deletePassword(service, probe);
        });
        swept ??= sweepProbes();
        return { status: 'available', reason: null, fix: null };
      } catch (error) {
        return keychainStatusFromError(error, platform);
      }
    },
  };
}
