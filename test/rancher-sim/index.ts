import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SimClock } from './clock';
import { createManualClock, createRealtimeClock } from './clock';
import type { ActiveFault, FaultRule } from './faults';
import { FaultRegistry } from './faults';
import type { RancherVersion, VersionProfile } from './profiles';
import { generateName } from './names';
import { getProfile } from './profiles';
import type { SeedFixture, SeededTokens } from './seed';
import { applyDemo, applyFixture } from './seed';
import type { RequestRecord } from './server';
import { createHandler } from './server';
import { SimState } from './state';
import type { SimCa, ServerCert } from './tls';
import { createCa, issueServerCert } from './tls';
import type { TtlRule } from './ttl';

export type { SimClock } from './clock';
export { createManualClock, createRealtimeClock } from './clock';
export type { ActiveFault, FaultAction, FaultRule } from './faults';
export type { RancherVersion, VersionProfile } from './profiles';
export type { SeedFixture, SeededTokens } from './seed';
export { demoHeldKeys } from './seed';
export type { RequestRecord } from './server';
export type {
  AddClusterInput,
  AddExtTokenInput,
  AddTokenInput,
  AddUserInput,
  IssuedToken,
  SimState,
} from './state';
export type { ExtToken, SimCluster, SimUser, V3Token } from './model';
export type { TtlRule } from './ttl';
export type { SimCa, ServerCert } from './tls';
export { SECRET_LENGTH, TOKEN_ALPHABET } from './names';
export { addBusyUserTokens, type BusyUserCounts, type BusyUserOptions } from './busy-user';

/** Options of {@link startRancherSim}. */
export interface RancherSimOptions {
  /** Emulated release; default `'2.13'`. */
  version?: RancherVersion;
  /** Serve HTTPS with a generated CA; default false (plain HTTP). */
  tls?: boolean;
  /** With `tls`: present this CA and certificate instead of generating them (the CLI reuses its own). */
  tlsMaterial?: { ca: SimCa; cert: ServerCert };
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Default `'empty'` (just the admin and the local cluster). */
  seed?: 'empty' | 'demo' | SeedFixture;
  /** A clock, or an instant to freeze a manual clock at; default real time (movable). */
  clock?: SimClock | Date | number;
  /** The HTML/CSRF traps of §1.3; on by default, as on a real server. */
  browserTraps?: boolean;
  /** v3 TTL rule (§4.8); default `'released'`. */
  ttlRule?: TtlRule;
  /** Purge expired tokens once an hour of simulated time has passed (§4.9); default true. */
  autoPurge?: boolean;
  /** Real-time delay before a new token's `expiresAt` is filled (§4.6); default 0. */
  expiresAtDelayMs?: number;
  /** Bootstrap admin credentials; defaults `admin` / `admin-password-123`. */
  admin?: { username?: string; password?: string };
}

/** Credentials of the bootstrap admin. */
export interface SimAdmin {
  id: string;
  username: string;
  password: string;
  /** Bearer (`token-xxxxx:<secret>`) of an unscoped, never-expiring API key. */
  token: string;
  tokenName: string;
}

/** Options of {@link RancherSim.rotateCertificate}. */
export interface RotateOptions {
  /** Sign with a brand-new CA (clients trusting the old CA then fail). */
  newCa?: boolean;
  /** Issue an already-expired certificate. */
  expired?: boolean;
  /** Names in the subjectAltName; default 127.0.0.1, localhost, ::1. */
  hosts?: string[];
}

/** A running simulator. */
export interface RancherSim {
  /** `http(s)://127.0.0.1:<port>` — the server URL a user would type. */
  readonly url: string;
  /** Same as `url` (no path): the origin. */
  readonly origin: string;
  readonly port: number;
  readonly version: RancherVersion;
  readonly profile: VersionProfile;
  readonly tls: boolean;
  /** PEM of the CA that signed the current server certificate (TLS only). */
  readonly caPem: string | undefined;
  /** SHA-256 fingerprint of the current server (leaf) certificate (TLS only). */
  readonly fingerprint256: string | undefined;
  /** PEM of the current server certificate (TLS only). */
  readonly certPem: string | undefined;
  readonly admin: SimAdmin;
  /** Tokens created by the seed, by label (demo: `active`, `expiresIn20h`, `expired`, …). */
  readonly seeded: SeededTokens;
  readonly clock: SimClock;
  readonly faults: {
    add(rule: FaultRule): ActiveFault;
    clear(): void;
    list(): readonly ActiveFault[];
  };
  /** Direct access to the data (builder API: addUser, addCluster, addToken, setSetting, …). */
  readonly state: SimState;
  /** The last 1000 requests received. */
  readonly requests: readonly RequestRecord[];
  /** Runs the purge daemon now; returns how many tokens vanished. */
  purgeExpired(): number;
  /** Replaces the server certificate (new fingerprint); idle keep-alive connections are closed. */
  rotateCertificate(options?: RotateOptions): Promise<{ fingerprint256: string; caPem: string }>;
  close(): Promise<void>;
}

function toClock(input: RancherSimOptions['clock']): SimClock {
  if (input === undefined) return createRealtimeClock();
  if (typeof input === 'number' || input instanceof Date) return createManualClock(input);
  return input;
}

/** Starts a simulated Rancher server (rancher-api.md §1–§7, §10). */
export async function startRancherSim(options: RancherSimOptions = {}): Promise<RancherSim> {
  const version = options.version ?? '2.13';
  const profile = getProfile(version);
  const clock = toClock(options.clock);
  const state = new SimState(clock, profile);
  const adminUser = state.addUser({
    id: generateName('user-'),
    username: options.admin?.username ?? 'admin',
    password: options.admin?.password ?? 'admin-password-123',
    displayName: 'Default Admin',
    admin: true,
  });
  state.addCluster({ id: 'local', name: 'local' });
  const adminKey = state.addToken({ user: adminUser.id, description: 'rancher-sim admin key' });
  const seed = options.seed ?? 'empty';
  const seeded: SeededTokens =
    seed === 'empty'
      ? {}
      : seed === 'demo'
        ? applyDemo(state, adminUser.id)
        : applyFixture(state, seed);

  const faults = new FaultRegistry();
  const log: RequestRecord[] = [];
  const hanging = new Set<Socket>();
  const sockets = new Set<Socket>();
  const tls = options.tls ?? false;
  const handler = createHandler({
    state,
    profile,
    faults,
    tls,
    browserTraps: options.browserTraps ?? true,
    ttlRule: options.ttlRule ?? 'released',
    expiresAtDelayMs: options.expiresAtDelayMs ?? 0,
    autoPurge: options.autoPurge ?? true,
    log,
    hanging,
  });

  let ca: SimCa | undefined;
  let cert: ServerCert | undefined;
  let server: Server | HttpsServer;
  if (tls) {
    ca = options.tlsMaterial?.ca ?? (await createCa());
    cert = options.tlsMaterial?.cert ?? (await issueServerCert(ca));
    server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, handler);
    // Rancher with a private CA publishes it here (§5.4); clients may fetch it before trusting.
    state.setSetting('cacerts', ca.certPem);
  } else {
    server = createHttpServer(handler);
  }
  server.keepAliveTimeout = 30_000;
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.setSetting('server-url', origin);

  const sim: RancherSim = {
    url: origin,
    origin,
    port,
    version,
    profile,
    tls,
    get caPem() {
      return ca?.certPem;
    },
    get fingerprint256() {
      return cert?.fingerprint256;
    },
    get certPem() {
      return cert?.certPem;
    },
    admin: {
      id: adminUser.id,
      username: adminUser.username,
      password: adminUser.password,
      token: adminKey.bearer,
      tokenName: adminKey.name,
    },
    seeded,
    clock,
    faults: {
      add: (rule) => faults.add(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    state,
    requests: log,
    purgeExpired: () => state.purgeExpired(),
    async rotateCertificate(rotate = {}) {
      if (!tls || !ca) throw new Error('rancher-sim: rotateCertificate needs tls: true');
      if (rotate.newCa) ca = await createCa({ fresh: true });
      cert = await issueServerCert(ca, { expired: rotate.expired, hosts: rotate.hosts });
      (server as HttpsServer).setSecureContext({ cert: cert.certPem, key: cert.keyPem });
      state.setSetting('cacerts', ca.certPem);
      server.closeIdleConnections();
      return { fingerprint256: cert.fingerprint256, caPem: ca.certPem };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of hanging) s.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return sim;
}
