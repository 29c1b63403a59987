import type { ActivityOutcome } from '../../contract/activity';
import type { ErrorCode } from '../../contract/errors';
import type { KeyView } from '../../contract/keys';
import type { Settings } from '../../contract/settings';
import { AppFailure } from '../app-failure';
import type { EventSink } from '../events';
import type { Logger } from '../log';
import type { ClipboardPort, Clock } from '../ports';
import type { ServerService } from '../servers/server-service';
import type { MetadataStore } from '../vault/metadata-store';
import { InvalidAccountPart, keyAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import { createClusterNames, type ClusterNames } from './cluster-names';
import type { KeyCache } from './key-cache';
import { createDeletedKeys, type DeletedKeys } from './deleted-keys';
import type { KeyJournal } from './key-journal';
import type { KeyRecord } from './key-records';
import { toKeyView } from './key-view';
import { ownEntry } from '../id-table';

/** The steps of create and renew at which a crash is simulated in the crash-consistency tests. */
export type CrashStep =
  | 'journal-intent'
  | 'server-created'
  | 'name-recorded'
  | 'secret-stored'
  | 'metadata-written'
  | 'journal-cleared';

/**
 * A revocation the app did on its own, with no call of the user's to record it: a pending
 * revocation retried, a renewed key's grace period ended, one completed or made after a crash.
 */
export interface BackgroundRevocation {
  serverId: string;
  keyId: string;
  outcome: ActivityOutcome;
  errorCode: ErrorCode | null;
  /** Why the app revoked it, in its own words (never server text). */
  detail: string;
}

/** What the key service is built from. */
export interface KeyServiceDeps {
  servers: ServerService;
  secrets: SecretStore;
  metadata: MetadataStore;
  clock: Clock;
  clipboard: ClipboardPort;
  log: Logger;
  settings: { get(): Settings };
  emit: EventSink;
  /** Test hook: called after each step of create/renew (the crash harness kills the process here). */
  crashPoint?: (step: CrashStep) => void | Promise<void>;
  /** Upper bound for one server's refresh; default the server's request timeout plus 2 s. */
  refreshTimeoutMs?: number;
  /** How long to wait before retrying pending revocations; default one minute. */
  retryDelayMs?: number;
  /** Records background revocations (the activity log); a failure to record is the port's own. */
  recordRevocations?: (entries: readonly BackgroundRevocation[]) => Promise<void>;
}

/** Shared internals of the key service's modules. */
export interface KeyContext {
  deps: KeyServiceDeps;
  cache: KeyCache;
  journal: KeyJournal;
  /** Cluster names learned at refresh, for key views' scope. */
  clusterNames: ClusterNames;
  crash(step: CrashStep): Promise<void>;
  /** Keychain account of a key's secret. */
  account(serverId: string, keyId: string): string;
  view(serverId: string, keyId: string): KeyView;
  /** The key's cached record; fails with `not_found` (as {@link KeyContext.view}) when there is none. */
  record(serverId: string, keyId: string): KeyRecord;
  /** Emits `keys:changed` and tells internal listeners (the expiry scheduler). */
  changed(serverId: string): void;
  /** Fails with `keychain_locked` / `keychain_unavailable` and the fix unless the keychain works. */
  requireKeychain(): Promise<void>;
  expiringWithinMs(): number;
  /** Re-arms the revocation timer after pending revocations or grace periods changed. */
  armRevocations(): void;
  /** Keys deleted since start, so that a refresh under way does not bring them back. */
  deleted: DeletedKeys;
  /** Records revocations the app did on its own (never throws). */
  recordRevocations(entries: readonly BackgroundRevocation[]): Promise<void>;
}

/** The largest warning threshold: keys within it are shown as `expiring`. */
export function expiringWindow(settings: Settings): number {
  return Math.max(0, ...settings.warningThresholdsMs);
}

export function createKeyContext(
  deps: KeyServiceDeps,
  cache: KeyCache,
  journal: KeyJournal,
  hooks: { changed(serverId: string): void; armRevocations(): void },
): KeyContext {
  const ctx: KeyContext = {
    deps,
    cache,
    journal,
    clusterNames: createClusterNames(),
    async crash(step) {
      await deps.crashPoint?.(step);
    },
    account(serverId, keyId) {
      try {
        return keyAccount(deps.servers.get(serverId).origin, keyId);
      } catch (error) {
        if (!(error instanceof InvalidAccountPart)) throw error;
        throw new AppFailure(
          'invalid_input',
          "This key's name is not one Rancher issues, so Rancher Keys keeps no secret under it.",
        );
      }
    },
    view(serverId, keyId) {
      const record = ownEntry(cache.get(serverId).keys, keyId);
      if (!record) {
        throw new AppFailure(
          'not_found',
          `There is no key ${keyId} on this server any more. Refresh the list.`,
        );
      }
      return toKeyView(record, {
        now: deps.clock.now(),
        expiringWithinMs: ctx.expiringWithinMs(),
        signInKeyId: deps.servers.get(serverId).signInKeyId,
        clusterName: (clusterId) => ctx.clusterNames.name(serverId, clusterId),
      });
    },
    record(serverId, keyId) {
      const record = ownEntry(cache.get(serverId).keys, keyId);
      if (!record) ctx.view(serverId, keyId);
      return record!;
    },
    changed: (serverId) => hooks.changed(serverId),
    async recordRevocations(entries) {
      if (entries.length === 0 || !deps.recordRevocations) return;
      await deps.recordRevocations(entries).catch((error: unknown) =>
        deps.log.warn('activity: could not record background revocations', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    async requireKeychain() {
      const status = await deps.secrets.status();
      if (status.status === 'available') return;
      throw new AppFailure(
        status.status === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
        `${status.reason ?? 'The keychain cannot be used.'} ${status.fix ?? ''} Nothing was changed: Rancher Keys never stores a secret outside the keychain.`.trim(),
      );
    },
    expiringWithinMs: () => expiringWindow(deps.settings.get()),
    armRevocations: () => hooks.armRevocations(),
    deleted: createDeletedKeys(),
  };
  return ctx;
}
