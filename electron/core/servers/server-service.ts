import type {
  AuthProvider,
  Cluster,
  Server,
  ServerAddInput,
  ServerUpdateInput,
  SignInInput,
} from '../../contract/servers';
import type { Transport } from '../rancher/http';
import type { RancherClient } from '../rancher/rancher-client';
import type { ObtainedToken } from './sign-in-sessions';

/** What the key service needs to know about a server. */
export interface ServerRecord {
  id: string;
  origin: string;
  name: string;
  tokenApis: { v3: boolean; ext: boolean };
  maxTtlMs: number | null;
  /** The access key (`token-abc12` / `ext/token-abc12`) the app signs in with, when known. */
  signInKeyId: string | null;
  signedIn: boolean;
  /** The server's request timeout (bounds a refresh). */
  timeoutMs?: number;
  /** The CA and the certificate trusted on first use (public data), for kubeconfigs. */
  caPem: string | null;
  anchorPem: string | null;
}

/**
 * The server registry, TLS trust and sign-in (issue 4 §1–§2). Persists servers in metadata and
 * sign-in credentials in the keychain (account `sign-in:<origin>`, see keychain-accounts.ts).
 */
export interface ServerService {
  /**
   * Loads the registry from metadata, and starts moving 0.1 sign-in items in the background
   * (sign-in-migration.ts); sign-in credentials are read only after that move.
   */
  load(): Promise<void>;
  /** Resolves when the background work load() started is done (stop, tests). */
  settled(): Promise<void>;
  list(): Server[];
  activeId(): string | null;
  get(id: string): ServerRecord;
  add(input: ServerAddInput): Promise<Server>;
  update(input: ServerUpdateInput): Promise<Server>;
  /** Forgets the server and every secret the app holds for it (keys stay on the server). */
  remove(id: string): Promise<void>;
  switchTo(id: string): Promise<Server>;
  providers(id: string): Promise<AuthProvider[]>;
  clusters(id: string): Promise<Cluster[]>;
  signIn(input: SignInInput): Promise<Server>;
  signOut(id: string): Promise<Server>;
  /** Ends a single sign-on flow with the token it obtained (see `SignInSessions.adoptSso`). */
  adoptSso(id: string, obtained: ObtainedToken, provider: string): Promise<Server>;
  /** A client that sends no credential (public sign-in endpoints). */
  anonymousClient(id: string): RancherClient;
  /** A client authenticated with the server's sign-in credential. Fails `unauthorized` when signed out. */
  clientFor(id: string): RancherClient;
  /**
   * HTTP to another origin (an identity provider's, e.g. Entra's) reached as this server is: its
   * proxy setting, the OS trust store and its CA, never its certificate pin.
   */
  idpTransport(id: string, origin: string): Transport;
  /** A client that authenticates with the given bearer (to verify a pasted key). */
  clientWith(id: string, bearer: string): RancherClient;
  /** Records the outcome of a call for the server's health (ok, unreachable, sign-in needed...). */
  noteOutcome(
    id: string,
    outcome: { ok: true } | { ok: false; code: string; message: string },
  ): void;
  /**
   * Re-reads the server's version, token APIs and `auth-token-max-ttl-minutes` with the sign-in
   * credential (the max TTL is only served to signed-in users). Done after each sign-in; a key
   * refresh may call it too.
   */
  refreshInfo?(id: string): Promise<void>;
  /** Sign-in session expiry to watch (null when none). */
  sessionExpiry(id: string): string | null;
  onChange(listener: () => void): () => void;
}
