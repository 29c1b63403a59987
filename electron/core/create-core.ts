import { homedir } from 'node:os';
import { createActivityLog } from './activity/activity-log';
import { recordActivity } from './activity/activity-recorder';
import { createAppHandlers } from './app-handlers';
import { createStartHandler } from './app-start';
import type { Core, CoreDeps } from './core';
import { createDispatcher, type Handlers } from './dispatch';
import {
  activityChannelNames,
  commandLineChannelNames,
  hygieneChannelNames,
  plaintextChannelNames,
  signInChannelNames,
} from '../contract/names';
import { createEventHub } from './events';
import { createExpiryHandlers } from './expiry/expiry-handlers';
import { createExpiryScheduler } from './expiry/expiry-scheduler';
import { createKeyHandlers } from './keys/key-handlers';
import { createKeyService, type KeyService } from './keys/key-service';
import { lazyHandlers, lazyPart } from './lazy-part';
import { systemTrustStore } from './network/node-trust-store';
import { envProxyResolver } from './network/proxy-env';
import { createServerService } from './servers/create-server-service';
import { createServerHandlers } from './servers/server-handlers';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createSettingsService } from './settings/settings-service';
import { createMetadataStore } from './vault/metadata-store';
import { defaultKeychainService } from './vault/secret-store';

/** Quiet time after a key change before the expiry scheduler re-evaluates. */
const REARM_QUIET_MS = 20;
/** The longest a stream of key changes may hold back the re-evaluation. */
const REARM_MAX_WAIT_MS = 250;

/**
 * Builds the application core from what the shell provides: metadata under `dataDir`, the server
 * registry and sign-in, the key service, settings and the expiry scheduler, every contract
 * handler behind one dispatcher, and the events they emit.
 */
export function createCore(deps: CoreDeps): Core {
  const { clock, log, secrets } = deps;
  const hub = createEventHub();
  const metadata = createMetadataStore({ dir: deps.dataDir, log, now: () => clock.now() });
  const settings = createSettingsService({ metadata, emit: hub.emit });
  // The server list shows each server's near-expiry count, which the key service (built next) knows.
  let nearExpiry: (serverId: string) => number = () => 0;
  const servers = createServerService({
    metadata,
    secrets,
    clock,
    log,
    appVersion: deps.appVersion,
    nearExpiryCount: (serverId) => nearExpiry(serverId),
    ...(deps.createRancherClient ? { createClient: deps.createRancherClient } : {}),
    network: {
      systemProxy: deps.systemProxy ?? envProxyResolver(process.env),
      trustStore: deps.trustStore ?? systemTrustStore(log),
    },
  });
  const activity = createActivityLog({
    dir: deps.dataDir,
    now: () => clock.now(),
    retention: () => ({
      maxBytes: settings.get().activityMaxMb * 1024 * 1024,
      maxAgeMs: settings.get().activityMaxAgeDays * 24 * 3_600_000,
    }),
    log,
  });
  const keyService: KeyService = createKeyService({
    servers,
    // Revocations the app does on its own (retries, grace periods, after a crash) have no call
    // for the recorder to see: the key service reports them here.
    recordRevocations: (entries) =>
      activity.append(
        entries.map((e) => ({
          ...e,
          action: 'revoke' as const,
          serverName: servers.list().find((s) => s.id === e.serverId)?.name ?? null,
        })),
      ),
    secrets,
    metadata,
    clock,
    clipboard: deps.clipboard,
    log,
    settings,
    emit: hub.emit,
    ...(deps.crashPoint ? { crashPoint: deps.crashPoint } : {}),
    ...(deps.refreshTimeoutMs ? { refreshTimeoutMs: deps.refreshTimeoutMs } : {}),
  });
  nearExpiry = (serverId) => keyService.nearExpiryCount(serverId);
  const scheduler = createExpiryScheduler({
    keys: keyService,
    servers,
    settings,
    metadata,
    clock,
    emit: hub.emit,
    log,
  });

  let started = false;
  let schedulerStarted: Promise<void> = Promise.resolve();
  const unsubscribe: Array<() => void> = [];
  // Which servers were signed in, and how many keys each had near expiry, at the last look: a new
  // sign-in triggers a refresh; a changed count is news for the server switcher.
  const signedIn = new Map<string, boolean>();
  const nearCounts = new Map<string, number>();

  function onServersChanged(): void {
    hub.emit('servers:changed', {});
    for (const server of servers.list()) {
      const now = server.signIn.state === 'signed_in';
      if (now && signedIn.get(server.id) === false && started) {
        keyService.refresh(server.id).catch((error: unknown) =>
          log.warn('keys: a refresh after sign-in failed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      signedIn.set(server.id, now);
    }
    void scheduler.rearm();
  }

  // A refresh of every server changes keys many times within a few tens of milliseconds; the
  // scheduler evaluates every key, so a burst is coalesced into one evaluation once it has been
  // quiet for a moment (and at the latest after REARM_MAX_WAIT_MS). Real time: it is I/O pacing,
  // not a deadline.
  let rearmTimer: NodeJS.Timeout | null = null;
  let burstStartedAt: number | null = null;
  function rearmSoon(): void {
    const now = performance.now();
    burstStartedAt ??= now;
    if (rearmTimer) clearTimeout(rearmTimer);
    const wait = Math.min(REARM_QUIET_MS, Math.max(0, burstStartedAt + REARM_MAX_WAIT_MS - now));
    rearmTimer = setTimeout(() => {
      rearmTimer = null;
      burstStartedAt = null;
      void scheduler.rearm();
    }, wait);
    rearmTimer.unref?.();
  }

  function onKeysChanged(serverId: string): void {
    const count = keyService.nearExpiryCount(serverId);
    if (nearCounts.get(serverId) !== count) {
      nearCounts.set(serverId, count);
      hub.emit('servers:changed', {});
    }
    rearmSoon();
  }

  // The parts start does not use are built on first use (lazy-part.ts).
  const hygiene = lazyPart(async () =>
    (await import('./hygiene/hygiene-service')).createHygieneService({
      servers,
      keys: keyService,
      settings,
      clock,
      log,
      emit: hub.emit,
    }),
  );
  // Bulk work writes many entries in a burst; the window hears about them at most every 250 ms.
  let activityTimer: NodeJS.Timeout | null = null;
  function activityChanged(): void {
    if (activityTimer) return;
    activityTimer = setTimeout(() => {
      activityTimer = null;
      hub.emit('activity:changed', {});
    }, 250);
    activityTimer.unref?.();
  }

  const sso = lazyPart(async () => {
    const [{ createSsoService }, { defaultSsoTiming }] = await Promise.all([
      import('./sso/sso-service'),
      import('./sso/flow-types'),
    ]);
    return createSsoService({
      servers,
      clipboard: deps.clipboard,
      browser: deps.systemBrowser ?? null,
      embedded: deps.embeddedSignIn ?? null,
      timing: { ...defaultSsoTiming, ...deps.ssoTiming },
      clock,
      log,
      emit: hub.emit,
    });
  });
  const commandLine = deps.commandLine ?? {
    executable: null,
    home: homedir(),
    env: process.env,
    platform: deps.platform,
    keychainService: defaultKeychainService,
    dataDir: deps.dataDir,
  };
  const plaintext = lazyPart(async () =>
    (await import('./plaintext/plaintext-service')).createPlaintextService({
      servers,
      keys: keyService,
      secrets,
      clock,
      log,
      emit: hub.emit,
      commandLine,
      home: commandLine.home,
      env: commandLine.env,
      ...(deps.filePicker ? { filePicker: deps.filePicker } : {}),
    }),
  );

  const parts: Omit<Handlers, 'app:start'> = {
    ...createAppHandlers({
      version: deps.appVersion,
      platform: deps.platform,
      secrets,
      dataProblems: () => metadata.problems(),
      dataFolderInUse: () => metadata.refusal(),
      ...(deps.desktop ? { desktop: deps.desktop } : {}),
    }),
    ...createServerHandlers(servers),
    ...lazyHandlers(signInChannelNames, async () =>
      (await import('./sso/sso-handlers')).createSsoHandlers(await sso.get()),
    ),
    ...createSettingsHandlers(settings),
    ...createKeyHandlers(keyService),
    ...createExpiryHandlers(scheduler),
    ...lazyHandlers(commandLineChannelNames, async () =>
      (await import('./kubeconfig/kubectl-handlers')).createCommandLineHandlers({
        servers,
        keys: keyService,
        clock,
        commandLine,
      }),
    ),
    ...lazyHandlers(hygieneChannelNames, async () =>
      (await import('./hygiene/hygiene-handlers')).createHygieneHandlers(await hygiene.get()),
    ),
    ...lazyHandlers(activityChannelNames, async () =>
      (await import('./activity/activity-handlers')).createActivityHandlers(activity, clock),
    ),
    ...lazyHandlers(plaintextChannelNames, async () =>
      (await import('./plaintext/plaintext-handlers')).createPlaintextHandlers(
        await plaintext.get(),
      ),
    ),
  };
  const handlers: Handlers = recordActivity(
    { ...parts, ...createStartHandler(parts, log) },
    activity,
    servers,
    log,
  );

  return {
    handlers,
    dispatch: createDispatcher(handlers, log),
    subscribe: (listener) => hub.subscribe(listener),
    async start() {
      // Start always succeeds (issue 10 §3): the data store reads damaged or unreadable files as
      // absent and reports them; anything else that fails here is logged and the part starts empty.
      const step = (what: string, run: () => Promise<unknown>) =>
        run().catch((error: unknown) =>
          log.error(`start: ${what} failed; continuing without it`, {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      await metadata.open();
      await step('loading settings', () => settings.load());
      await step('loading servers', () => servers.load());
      await activity.load().catch((error: unknown) =>
        log.error('activity: the log could not be read', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      for (const server of servers.list()) {
        signedIn.set(server.id, server.signIn.state === 'signed_in');
      }
      unsubscribe.push(
        servers.onChange(onServersChanged),
        keyService.onChange(onKeysChanged),
        settings.onChange(() => void scheduler.rearm()),
        activity.onChange(activityChanged),
      );
      // Resolves once the cached lists are loaded: they are available from here. Journal recovery
      // (keychain probe, server calls), the expiry evaluation of every key and the refresh (which
      // loads the HTTP client) follow on the next turn, so list requests already waiting come first.
      await step('loading key lists', () => keyService.start({ recoverInBackground: true }));
      started = true;
      schedulerStarted = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => scheduler.start())
        .catch((error: unknown) =>
          log.error('expiry: the scheduler did not start', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      keyService.refreshInBackground();
      for (const problem of metadata.problems()) {
        log.warn('metadata: a damaged file was set aside at start', {
          movedTo: problem.movedTo,
          reason: problem.reason,
        });
      }
    },
    async stop() {
      started = false;
      await schedulerStarted;
      if (rearmTimer) clearTimeout(rearmTimer);
      rearmTimer = null;
      burstStartedAt = null;
      for (const off of unsubscribe.splice(0)) off();
      if (activityTimer) clearTimeout(activityTimer);
      activityTimer = null;
      (await sso.built())?.stop();
      await (await hygiene.built())?.stop();
      await (await plaintext.built())?.stop();
      scheduler.stop();
      keyService.stop();
      await keyService.idle();
      await servers.settled();
      await activity.close();
      await metadata.close();
    },
  };
}
