import { randomBytes } from 'node:crypto';
import type { AppError } from '../../contract/errors';
import type { Server, ServerAddInput, ServerUpdateInput } from '../../contract/servers';
import { AppFailure } from '../app-failure';
import type { Logger } from '../log';
import type { Clock } from '../ports';
import { createRancherClient } from '../rancher/create-rancher-client';
import { createTransport } from '../rancher/http';
import { IDP_MAX_BODY } from '../sso/idp-http';
import type { RancherClient, RancherClientOptions } from '../rancher/rancher-client';
import type { MetadataStore } from '../vault/metadata-store';
import { legacySignInAccount, parseAccount } from '../vault/keychain-accounts';
import type { SecretStore } from '../vault/secret-store';
import { healthCodes, signInStateOf } from './health';
import { clientOptions, serverView } from './server-view';
import { defaultServerName, normaliseServerUrl } from './normalise-url';
import type { ServerRecord, ServerService } from './server-service';
import { readServers, writeServers, type ServersDocument, type StoredServer } from './server-store';
import { afterMigration, moveLegacySignIns } from './sign-in-migration';
import { createSignInSessions } from './sign-in-sessions';
import { createDialer } from '../network/dial';
import {
  applyProxyInput,
  defaultProxy,
  serverNetworkPolicy,
  type ServerNetworkDeps,
} from './server-proxy';
import { createProxyCredentials } from './proxy-credentials';
import { captureProxyCa, captureTrust } from './trust';
import { withOutcomes } from './with-outcomes';

/** What the server service needs. */
export interface ServerServiceDeps {
  metadata: MetadataStore;
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  appVersion: string;
  /** Keys of a server that are expiring soon or expired (from the key service). */
  nearExpiryCount: (serverId: string) => number;
  /** Builds a client; tests may inject one. Default {@link createRancherClient}. */
  createClient?: (options: RancherClientOptions) => RancherClient;
  /** The system proxy and OS trust store; omitted, every server is reached directly. */
  network?: ServerNetworkDeps;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The server registry, TLS trust and sign-in (issue 4 §1–§2). Servers are persisted in the
 * `servers` metadata document; sign-in and sign-out are {@link createSignInSessions}.
 */
export function createServerService(deps: ServerServiceDeps): ServerService {
  const { metadata, secrets, clock, log } = deps;
  const makeClient = deps.createClient ?? createRancherClient;
  let doc: ServersDocument = { version: 1, activeId: null, servers: [] };
  const lastErrors = new Map<string, AppError>();
  const clients = new Map<string, RancherClient>();
  const listeners = new Set<() => void>();
  const proxyPasswords = createProxyCredentials(secrets);
  let adding: Promise<unknown> = Promise.resolve();
  // The move of 0.1 sign-in items (sign-in-migration.ts), started by load(): every keychain use of
  // the sign-in sessions waits for it, start's cached lists do not.
  let migrated: Promise<unknown> = Promise.resolve();

  const emit = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        log.error('servers: a change listener failed', { error: String(error) });
      }
    }
  };
  const save = () => writeServers(metadata, doc);

  function find(id: string): StoredServer {
    const server = doc.servers.find((s) => s.id === id);
    if (!server) {
      throw new AppFailure(
        'not_found',
        'This server is no longer in Rancher Keys. Refresh the list.',
      );
    }
    return server;
  }

  function forget(id: string) {
    clients.delete(id);
    sessions.forget(id);
    proxyPasswords.forget(id);
  }

  const view = (server: StoredServer): Server =>
    serverView(server, {
      active: doc.activeId === server.id,
      lastError: lastErrors.get(server.id) ?? null,
      now: clock.now(),
      nearExpiryCount: deps.nearExpiryCount(server.id),
    });
  /** The server's network policy; `pending` is a proxy password not yet in the keychain. */
  const network = (server: StoredServer, pending?: string | null) =>
    deps.network
      ? serverNetworkPolicy(server.proxy, deps.network, () =>
          pending !== undefined ? Promise.resolve(pending) : proxyPasswords.password(server),
        )
      : undefined;
  const dialOf = (server: StoredServer, pending?: string | null) => {
    const policy = network(server, pending);
    return policy ? createDialer(policy).dial : undefined;
  };
  const options = (
    server: StoredServer,
    credential: () => Promise<string | null>,
    pending?: string | null,
  ) => clientOptions(server, credential, deps.appVersion, network(server, pending), log);
  // Function declarations below are hoisted, so the sessions can be built before them.
  const sessions = createSignInSessions({
    secrets: afterMigration(secrets, () => migrated),
    clock,
    log,
    find,
    anonymous: (server) => makeClient(options(server, () => Promise.resolve(null))),
    clientWith,
    async credentialChanged(id) {
      clients.delete(id);
      lastErrors.delete(id);
      await save();
    },
    refreshInfo,
  });

  function noteOutcome(
    id: string,
    outcome: { ok: true } | { ok: false; code: string; message: string },
  ) {
    // A success on a server without a recorded error changes nothing this function can change: the
    // view (two JSON encodings, the near-expiry count) is not built for it. Every request of a
    // refresh reports here (bench/RESULTS.md, Refresh, fourth pass).
    if (outcome.ok && !lastErrors.has(id)) return;
    const server = doc.servers.find((s) => s.id === id);
    if (!server) return;
    const before = JSON.stringify(view(server));
    if (outcome.ok) {
      lastErrors.delete(id);
    } else if (healthCodes.has(outcome.code)) {
      lastErrors.set(id, { code: outcome.code as AppError['code'], message: outcome.message });
      if (outcome.code === 'unauthorized' && server.signIn && !server.signIn.rejected) {
        server.signIn = { ...server.signIn, rejected: true };
        sessions.forget(id);
        save().catch((error: unknown) =>
          log.warn('servers: could not save', { error: String(error) }),
        );
      }
    }
    if (JSON.stringify(view(server)) !== before) emit();
  }

  function clientFor(id: string): RancherClient {
    const existing = clients.get(id);
    if (existing) return existing;
    const client = withOutcomes(
      makeClient(options(find(id), () => sessions.bearer(id))),
      (outcome) => noteOutcome(id, outcome),
    );
    clients.set(id, client);
    return client;
  }

  function clientWith(id: string, bearer: string): RancherClient {
    return makeClient(options(find(id), () => Promise.resolve(bearer)));
  }

  /** Re-reads version and max TTL with the sign-in credential (best effort). */
  async function refreshInfo(id: string): Promise<void> {
    const server = find(id);
    const probe = await clientFor(id).probe();
    server.version = probe.version;
    server.tokenApis = probe.tokenApis;
    if (probe.maxTtlKnown !== false) {
      server.maxTtlMs = probe.maxTtlMs;
      server.maxTtlKnown = true;
    }
    clients.delete(id);
    await save();
  }

  async function addServer(input: ServerAddInput): Promise<Server> {
    const origin = normaliseServerUrl(input.url);
    const existing = doc.servers.find((s) => s.origin === origin);
    if (existing) {
      throw new AppFailure(
        'conflict',
        `${origin} is already in Rancher Keys as "${existing.name}".`,
      );
    }
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const proxy = input.proxy
      ? applyProxyInput(defaultProxy, input.proxy)
      : { proxy: defaultProxy, password: undefined };
    const pending = proxy.password ?? null;
    const server: StoredServer = {
      id: `srv-${randomBytes(6).toString('hex')}`,
      origin,
      name: input.name?.trim() || defaultServerName(origin),
      caPem: input.caPem?.trim() || null,
      fingerprint256: null,
      anchorPem: null,
      timeoutMs,
      proxy: proxy.proxy,
      proxyCaPem: null,
      version: null,
      tokenApis: { v3: true, ext: false },
      maxTtlMs: null,
      maxTtlKnown: false,
      signIn: null,
      addedAt: new Date(clock.now()).toISOString(),
    };
    const trust = await captureTrust(
      origin,
      input.fingerprint256 ?? null,
      timeoutMs,
      dialOf(server, pending),
    );
    server.fingerprint256 = trust.fingerprint256;
    server.anchorPem = trust.anchorPem;
    const dial = dialOf(server, pending);
    if (input.proxyCaFingerprint256 && dial) {
      server.proxyCaPem = await captureProxyCa(
        origin,
        input.proxyCaFingerprint256,
        timeoutMs,
        dial,
      );
    }
    const probe = await makeClient(options(server, () => Promise.resolve(null), pending)).probe();
    server.version = probe.version;
    server.tokenApis = probe.tokenApis;
    await proxyPasswords.save(server, proxy.password);
    const activeBefore = doc.activeId;
    doc.servers.push(server);
    doc.activeId ??= server.id;
    try {
      await save();
    } catch (error) {
      // Not written, so not added: the registry in memory stays what is on disk.
      doc.servers = doc.servers.filter((s) => s.id !== server.id);
      doc.activeId = activeBefore;
      throw error;
    }
    emit();
    return view(server);
  }

  return {
    async load() {
      doc = await readServers(metadata);
      for (const id of [...clients.keys()]) forget(id);
      // In the background: one keychain read per server (and loading keytar) no longer comes
      // before start's cached lists (bench/RESULTS.md, "Start, sixth pass").
      migrated = moveLegacySignIns(secrets, doc.servers, log).catch((error: unknown) =>
        log.warn('servers: moving old sign-in items failed; retried on the next start', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    settled: () => migrated.then(() => undefined),
    list: () => doc.servers.map(view),
    activeId: () => doc.activeId,
    get(id): ServerRecord {
      const server = find(id);
      return {
        id: server.id,
        origin: server.origin,
        name: server.name,
        tokenApis: server.tokenApis,
        maxTtlMs: server.maxTtlMs,
        signInKeyId: server.signIn?.keyId ?? null,
        signedIn: signInStateOf(server.signIn, clock.now()) === 'signed_in',
        timeoutMs: server.timeoutMs,
        caPem: server.caPem,
        anchorPem: server.anchorPem,
      };
    },

    add(input: ServerAddInput): Promise<Server> {
      // Adds run one at a time: the duplicate check and the push are separated by network calls,
      // and two adds of one origin in between would both pass the check.
      const job = adding.then(() => addServer(input));
      adding = job.catch(() => undefined);
      return job;
    },
    async update(input: ServerUpdateInput): Promise<Server> {
      const server = find(input.id);
      const next: StoredServer = { ...server };
      if (input.name !== undefined) next.name = input.name.trim();
      if (input.timeoutMs !== undefined) next.timeoutMs = input.timeoutMs;
      if (input.caPem !== undefined) next.caPem = input.caPem?.trim() || null;
      const proxy = input.proxy ? applyProxyInput(server.proxy, input.proxy) : null;
      if (proxy) next.proxy = proxy.proxy;
      const pending = proxy?.password;
      if (input.fingerprint256 !== undefined) {
        const trust = await captureTrust(
          server.origin,
          input.fingerprint256,
          next.timeoutMs,
          dialOf(next, pending),
        );
        next.fingerprint256 = trust.fingerprint256;
        next.anchorPem = trust.anchorPem;
      }
      if (input.proxyCaFingerprint256 !== undefined) {
        const dial = dialOf(next, pending);
        next.proxyCaPem =
          input.proxyCaFingerprint256 && dial
            ? await captureProxyCa(server.origin, input.proxyCaFingerprint256, next.timeoutMs, dial)
            : null;
      }
      const trustChanged =
        next.caPem !== server.caPem ||
        next.fingerprint256 !== server.fingerprint256 ||
        next.proxyCaPem !== server.proxyCaPem ||
        proxy !== null;
      // New trust and proxy settings are tried before they are kept, so a wrong CA, pin, proxy
      // address or proxy password is reported at once.
      if (trustChanged) {
        await makeClient(options(next, () => Promise.resolve(null), pending)).probe();
      }
      if (proxy) await proxyPasswords.save(server, proxy.password);
      Object.assign(server, next);
      forget(server.id);
      if (trustChanged) lastErrors.delete(server.id);
      await save();
      emit();
      return view(server);
    },

    async remove(id) {
      const server = find(id);
      // Accounts are named by origin: when another registered server has the same origin (an old
      // data file from before adds were serialised), the items are that server's too and stay.
      const shared = doc.servers.some((s) => s.id !== id && s.origin === server.origin);
      if (!shared) {
        for (const account of await secrets.accounts()) {
          if (parseAccount(account)?.origin === server.origin) await secrets.delete(account);
        }
        await secrets.delete(legacySignInAccount(server.origin));
      }
      doc.servers = doc.servers.filter((s) => s.id !== id);
      if (doc.activeId === id) doc.activeId = doc.servers[0]?.id ?? null;
      forget(id);
      lastErrors.delete(id);
      await save();
      emit();
    },

    async switchTo(id) {
      const server = find(id);
      doc.activeId = id;
      await save();
      emit();
      return view(server);
    },

    providers: (id) => makeClient(options(find(id), () => Promise.resolve(null))).authProviders(),
    clusters: (id) => clientFor(id).clusters(),

    async signIn(input) {
      const server = find(input.serverId);
      await sessions.signIn(server, input);
      emit();
      return view(server);
    },

    async adoptSso(id, obtained, provider) {
      const server = find(id);
      await sessions.adoptSso(server, obtained, provider);
      emit();
      return view(server);
    },
    anonymousClient: (id) => makeClient(options(find(id), () => Promise.resolve(null))),
    idpTransport(id, origin) {
      const server = find(id);
      return createTransport({
        origin,
        // The server's CA and a TLS-inspecting proxy's CA the user trusted for it apply to the
        // identity provider too (the same company network); its pin and anchor are its own host's.
        tls: {
          caPem: server.caPem ?? undefined,
          proxyCaPem: server.proxyCaPem ?? undefined,
        },
        timeoutMs: server.timeoutMs,
        connectTimeoutMs: Math.min(server.timeoutMs, 10_000),
        appVersion: deps.appVersion,
        network: network(server),
        maxBodyBytes: IDP_MAX_BODY,
        retries: 0,
      });
    },

    async signOut(id) {
      const server = find(id);
      await sessions.signOut(server);
      emit();
      return view(server);
    },

    clientFor,
    clientWith,
    noteOutcome,
    refreshInfo,
    sessionExpiry: (id) => doc.servers.find((s) => s.id === id)?.signIn?.expiresAt ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
