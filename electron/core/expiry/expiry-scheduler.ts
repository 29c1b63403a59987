import { z } from 'zod';
import type { ExpirySummary, ExpiryWarning } from '../../contract/app';
import type { Settings } from '../../contract/settings';
import type { EventSink } from '../events';
import type { Logger } from '../log';
import type { Clock } from '../ports';
import type { KeyService, ServerKeyView } from '../keys/key-service';
import type { MetadataStore } from '../vault/metadata-store';
import {
  dueWarning,
  expiringWindowFor,
  isSnoozed,
  lifetimeOf,
  nextDeadline,
  thresholdsOf,
  thresholdsWithin,
  type Watched,
} from './expiry-math';
import { idTable } from '../id-table';

/** The metadata document holding which warnings were shown (so a restart repeats none). */
export const expiryStateDocument = 'expiry-state';

const stateSchema = z.object({
  /** By watched item: the expiry it relates to and the most severe threshold announced. */
  notified: z.record(z.string(), z.object({ expiresAt: z.string(), thresholdMs: z.number() })),
});
type ExpiryState = z.infer<typeof stateSchema>;

interface Item extends Watched {
  stateKey: string;
  serverId: string;
  serverName: string;
  keyId: string | null;
  description: string;
  expiresAtText: string;
  subject: 'key' | 'session';
  /** The key's own lifetime (its warnings are capped by it); null for a session or when unknown. */
  lifetimeMs: number | null;
}

export interface ExpirySchedulerDeps {
  keys: Pick<KeyService, 'eachKey'>;
  servers: {
    list(): Array<{ id: string; name: string }>;
    sessionExpiry(id: string): string | null;
  };
  settings: { get(): Settings };
  metadata: MetadataStore;
  clock: Clock;
  emit: EventSink;
  log: Logger;
}

/** Expiry watch (issue 4 §5): one timer for the earliest deadline, no polling. */
export interface ExpiryScheduler {
  /** Loads the notification state, announces what fell due while closed, arms the timer. */
  start(): Promise<void>;
  /** Re-evaluates after keys, servers or settings changed. */
  rearm(): Promise<void>;
  stop(): void;
  summary(): ExpirySummary;
  expiring(): ServerKeyView[];
  /** The instant the single timer is armed for (tests). */
  armedFor(): number | null;
  /** Resolves when evaluations already queued (e.g. by a timer that just fired) are done. */
  idle(): Promise<void>;
}

const time = (text: string | null) => (text ? Date.parse(text) : NaN);

export function createExpiryScheduler(deps: ExpirySchedulerDeps): ExpiryScheduler {
  const { clock } = deps;
  let state: ExpiryState = { notified: {} };
  // `state.notified` as a map: looked up for every key on every evaluation.
  let notifiedByKey = new Map<string, ExpiryState['notified'][string]>();
  function setState(next: ExpiryState): void {
    state = next;
    notifiedByKey = new Map(Object.entries(next.notified));
  }
  let cancel: (() => void) | null = null;
  let armedAt: number | null = null;
  let lastSummary = '';
  let running: Promise<void> = Promise.resolve();
  let stopped = true;

  /**
   * Visits every watched item. Items are made one at a time and dropped after their visit: an
   * array of 100,000 would outlive young-generation collections and be promoted to V8's old
   * generation, where it stays as garbage until a full collection (bench/RESULTS.md, Scale).
   */
  function eachItem(visit: (item: Item) => void): void {
    // The key service keeps each key's instants parsed (key-view-cache.ts): none is parsed here.
    deps.keys.eachKey((serverId, serverName, key, times) => {
      const { expiresAt, createdAt, snoozedUntil: snoozed } = times;
      if (Number.isNaN(expiresAt) || key.state === 'revoked' || key.state === 'pending_revocation')
        return;
      visit({
        stateKey: `${serverId}\n${key.id}`,
        serverId,
        serverName,
        keyId: key.id,
        description: key.description,
        expiresAt,
        expiresAtText: key.expiresAt ?? '',
        createdAt: Number.isNaN(createdAt) ? null : createdAt,
        snoozedUntil: Number.isNaN(snoozed) ? null : snoozed,
        subject: 'key',
        lifetimeMs: lifetimeOf(key.ttlMs, Number.isNaN(createdAt) ? null : createdAt, expiresAt),
      });
    });
    for (const server of deps.servers.list()) {
      const session = deps.servers.sessionExpiry(server.id);
      const expiresAt = time(session);
      if (session === null || Number.isNaN(expiresAt)) continue;
      visit({
        stateKey: `${server.id}\n@session`,
        serverId: server.id,
        serverName: server.name,
        keyId: null,
        description: `Sign-in session on ${server.name}`,
        expiresAt,
        expiresAtText: session,
        createdAt: null,
        snoozedUntil: null,
        subject: 'session',
        lifetimeMs: null,
      });
    }
  }

  function notifiedLevel(item: Item): number | undefined {
    const entry = notifiedByKey.get(item.stateKey);
    // A new expiry (the key was changed or replaced under the same name) starts afresh.
    return entry && entry.expiresAt === item.expiresAtText ? entry.thresholdMs : undefined;
  }

  async function evaluate(): Promise<void> {
    const now = clock.now();
    const thresholds = thresholdsOf(deps.settings.get());
    const window = Math.max(0, ...thresholds);
    // A key whose lifetime leaves it the whole window has the thresholds themselves; only a
    // short-lived key's are capped, made for its visit. (A table of them by lifetime held one list
    // per key through the whole evaluation when every key has its own lifetime, and was promoted
    // to V8's old generation: bench/RESULTS.md, Scale, fifth round.)
    const thresholdsFor = (item: Item): number[] => {
      if (item.lifetimeMs === null) return thresholds;
      const own = expiringWindowFor(window, item.lifetimeMs);
      return own >= window ? thresholds : thresholdsWithin(thresholds, own);
    };
    const warnings: ExpiryWarning[] = [];
    const notified: ExpiryState['notified'] = {};
    let next: number | null = null;
    eachItem((item) => {
      let level = notifiedLevel(item);
      const own = thresholdsFor(item);
      const due = dueWarning(item, own, level, now);
      if (due !== null) {
        level = due;
        warnings.push({
          serverId: item.serverId,
          serverName: item.serverName,
          keyId: item.keyId,
          description: item.description,
          expiresAt: item.expiresAtText,
          thresholdMs: due,
          subject: item.subject,
        });
      }
      if (level !== undefined)
        notified[item.stateKey] = { expiresAt: item.expiresAtText, thresholdMs: level };
      const deadline = nextDeadline(item, own, level, now);
      if (deadline !== null && (next === null || deadline < next)) next = deadline;
    });
    // Persist before announcing: a crash in between loses a warning rather than repeating it.
    if (JSON.stringify(notified) !== JSON.stringify(state.notified)) {
      setState({ notified });
      await deps.metadata.write(expiryStateDocument, stateSchema, state);
    }
    for (const warning of warnings) deps.emit('expiry:warning', warning);
    const summary = scheduler.summary();
    const text = JSON.stringify(summary);
    if (warnings.length > 0 || text !== lastSummary) {
      lastSummary = text;
      deps.emit('expiry:summary', summary);
    }
    arm(next);
  }

  function arm(at: number | null): void {
    cancel?.();
    cancel = null;
    armedAt = null;
    if (stopped || at === null) return;
    armedAt = at;
    cancel = clock.setTimer(
      () => {
        cancel = null;
        armedAt = null;
        void scheduler.rearm();
      },
      Math.max(0, at - clock.now()),
    );
  }

  // Changes often come in bursts (a refresh of every server): one evaluation that has not started
  // yet covers every change made before it starts.
  let queued: Promise<void> | null = null;
  function queue(): Promise<void> {
    if (queued) return queued;
    const start = () => {
      queued = null;
      return evaluate();
    };
    const job = running.then(start, start);
    running = job.catch((error: unknown) => {
      deps.log.error('expiry: evaluation failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    });
    queued = running;
    return running;
  }

  const scheduler: ExpiryScheduler = {
    async start() {
      stopped = false;
      setState(await deps.metadata.read(expiryStateDocument, stateSchema, { notified: {} }));
      await queue();
    },
    rearm: () => (stopped ? Promise.resolve() : queue()),
    stop() {
      stopped = true;
      arm(null);
    },
    summary() {
      const now = clock.now();
      const perServer = idTable<number>();
      for (const server of deps.servers.list()) perServer[server.id] = 0;
      let expiringCount = 0;
      let expiredCount = 0;
      let next: ExpirySummary['next'] = null;
      let nextAt = Infinity;
      deps.keys.eachKey((serverId, serverName, key, times) => {
        const snoozed = times.snoozedUntil > now;
        if (!snoozed && (key.state === 'expiring' || key.state === 'expired')) {
          if (key.state === 'expiring') expiringCount++;
          else expiredCount++;
          perServer[serverId] = (perServer[serverId] ?? 0) + 1;
        }
        if (
          key.expiresAt &&
          (key.state === 'active' || key.state === 'expiring') &&
          (next === null || times.expiresAt < nextAt)
        ) {
          nextAt = times.expiresAt;
          next = {
            serverId,
            serverName,
            keyId: key.id,
            description: key.description,
            expiresAt: key.expiresAt,
          };
        }
      });
      return { expiringCount, expiredCount, next, perServer };
    },
    expiring() {
      const now = clock.now();
      const out: ServerKeyView[] = [];
      deps.keys.eachKey((serverId, serverName, key, times) => {
        const snoozedUntil = Number.isNaN(times.snoozedUntil) ? null : times.snoozedUntil;
        if (
          (key.state === 'expiring' || key.state === 'expired') &&
          !isSnoozed({ expiresAt: 0, createdAt: null, snoozedUntil }, now)
        )
          out.push({ serverId, serverName, key });
      });
      return out.sort(
        (a, b) => Date.parse(a.key.expiresAt ?? '') - Date.parse(b.key.expiresAt ?? ''),
      );
    },
    armedFor: () => armedAt,
    idle: () => running,
  };
  return scheduler;
}
