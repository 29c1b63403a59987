import type { KnownToken } from './token-model';
import type { NetworkPolicy } from '../network/network-policy';
import type { CertificateInfo } from '../../contract/errors';
import type { KeyKind, TokenFamily } from '../../contract/keys';
import type { AuthProvider, Cluster, TokenApis } from '../../contract/servers';
import type { Logger } from '../log';
import type { SsoApi } from './sso-api';

/** A token as the app models it, from either family (v3 `/v3/tokens` or ext.cattle.io/v1). */
export interface RancherToken {
  family: TokenFamily;
  /** Object name, `token-abc12`. */
  name: string;
  kind: KeyKind;
  description: string;
  userId: string;
  clusterId: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  /** Null when the token never expires (or the server has not filled it in yet, see `ttlMs`). */
  expiresAt: string | null;
  /** Lifetime in ms as the server reports it; null for "never". */
  ttlMs: number | null;
  enabled: boolean;
  expired: boolean;
}

/** A token just created: the only moment Rancher returns its secret. */
export interface CreatedToken {
  token: RancherToken;
  /** `token-abc12:secret` or `ext/token-abc12:secret`. A secret: never log or return it over IPC. */
  bearer: string;
}

export interface RancherUser {
  id: string;
  username: string;
  displayName: string;
}

/** What adding a server learns about it. */
export interface ProbeResult {
  /** As `/rancherversion` reports it, e.g. `v2.13.1`. */
  version: string;
  tokenApis: TokenApis;
  /** `auth-token-max-ttl-minutes` in ms; null when the server sets no maximum. */
  maxTtlMs: number | null;
  /** The certificate the server presented (HTTPS only). */
  certificate: CertificateInfo | null;
  /**
   * False when the max TTL setting could not be read (Rancher serves it to signed-in users only,
   * so an anonymous probe cannot see it); `maxTtlMs` is then null but means "unknown".
   */
  maxTtlKnown?: boolean;
}

/** TLS trust for one server: a custom CA, and/or a pinned certificate fingerprint. */
export interface TlsTrust {
  caPem?: string | undefined;
  fingerprint256?: string | undefined;
  /**
   * A certificate trusted on first use (the root of the chain the server sent, or the leaf itself),
   * added to the trust store; only ever together with `fingerprint256`.
   */
  anchorPem?: string | undefined;
  /**
   * The CA of a TLS-inspecting proxy, trusted by the user for this server only (the pin, when
   * set, still has the last word).
   */
  proxyCaPem?: string | undefined;
}

/**
 * Rancher's HTTP API for one server (rancher-api.md). Every method maps failures to AppFailure
 * with a contract error code and a message that says what to do; none logs a secret.
 */
export interface RancherClient {
  readonly origin: string;
  /** Unauthenticated: reachability, version, token APIs, max TTL, certificate. */
  probe(): Promise<ProbeResult>;
  /** Providers that accept a username and password (local, activedirectory, openldap, freeipa). */
  authProviders(): Promise<AuthProvider[]>;
  /** Password login; returns the session token's bearer (a secret) and its expiry. */
  login(
    provider: string,
    username: string,
    password: string,
  ): Promise<{ bearer: string; expiresAt: string | null }>;
  /** Logs out the current credential (deletes the session token on the server). */
  logout(): Promise<void>;
  /** Single sign-on's public endpoints: provider details, SAML relay tokens, `id_token` login. */
  readonly sso: SsoApi;
  me(): Promise<RancherUser>;
  clusters(): Promise<Cluster[]>;
  /**
   * Both families merged (ext only where the server has it). A listed token that says the same as
   * the one `known` holds for it is that object, not a new one, so a long unchanged list is not
   * held twice while it streams in (bench/RESULTS.md, Scale).
   */
  listTokens(known?: KnownToken): Promise<RancherToken[]>;
  /** Null when the server says 404 (missing, or another user's). */
  getToken(family: TokenFamily, name: string): Promise<RancherToken | null>;
  createToken(input: {
    family: TokenFamily;
    description: string;
    /** Requested lifetime in ms; 0 asks for "never" (v3) / the default (ext). */
    ttlMs: number;
    clusterId: string | null;
  }): Promise<CreatedToken>;
  /** 'not_found' when the server no longer has it (already revoked, purged or not ours). */
  deleteToken(family: TokenFamily, name: string): Promise<'deleted' | 'not_found'>;
  /** ext tokens only: description, enabled, and a shorter ttl. */
  updateExtToken(
    name: string,
    patch: { description?: string; enabled?: boolean; ttlMs?: number },
  ): Promise<RancherToken>;
}

export interface RancherClientOptions {
  origin: string;
  tls: TlsTrust;
  timeoutMs: number;
  /** The bearer to authenticate with (read from the keychain when needed); null = anonymous. */
  credential: () => Promise<string | null>;
  /** App version, for the `rancher-keys/<version>` User-Agent. */
  appVersion: string;
  /**
   * The server's version as probed (`v2.13.1`); picks the login route and the token APIs. Unknown
   * (omitted or null): the newest behaviour is assumed, with a fallback where Rancher answers 404.
   */
  version?: string | null;
  /** Connect timeout (TCP + TLS); default the smaller of `timeoutMs` and 10 s. */
  connectTimeoutMs?: number;
  /**
   * Proxy routing and the OS trust store. Omitted: every connection is direct and only Node's
   * roots (plus the server's own trust) are trusted.
   */
  network?: NetworkPolicy;
  /** Where to report what the client leaves out (malformed list items); default nowhere. */
  log?: Logger;
}
