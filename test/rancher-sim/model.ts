/** Authentication providers that take a username and password (rancher-api.md §3.1). */
export type BasicProviderId = 'local' | 'openldap';

/** A Rancher user, with the password a login must present. */
export interface SimUser {
  id: string;
  uid: string;
  username: string;
  password: string;
  /** Display name; empty for API-created users (§5.3). */
  displayName: string;
  enabled: boolean;
  /** Admins see every cluster, every user and every user's ext tokens (§6.3). */
  admin: boolean;
  provider: BasicProviderId;
  /** `local://<id>` or an LDAP DN principal. */
  principalId: string;
  createdMs: number;
}

/** A downstream (or the local) cluster. */
export interface SimCluster {
  id: string;
  uid: string;
  name: string;
  description: string;
  provider: string;
  driver: string;
  internal: boolean;
  state: string;
  createdMs: number;
  creatorId: string | null;
  /** Users (besides admins) who can see the cluster. */
  members: string[];
}

/** The kind of a v3 token, recorded as the `authn.management.cattle.io/kind` label. */
export type V3TokenKind = 'apikey' | 'session' | 'kubeconfig';

/** A `tokens.management.cattle.io` object (rancher-api.md §4.1). */
export interface V3Token {
  name: string;
  uid: string;
  secret: string;
  userId: string;
  /** `local`, `openldap`, or a single sign-on provider id (`okta`, `azuread`). */
  authProvider: string;
  kind: V3TokenKind;
  /** False only for login (session) tokens (§4.7). */
  isDerived: boolean;
  description: string;
  /** Milliseconds; 0 = never expires. */
  ttlMs: number;
  /** Creation time, whole seconds (Kubernetes metadata precision). */
  createdMs: number;
  /** Filled by the token controller shortly after creation (§4.6); `""` until then or when ttl is 0. */
  expiresAt: string;
  clusterId: string | null;
  enabled: boolean;
  lastUsedMs: number | undefined;
  /** UI sessions only (2.11+). */
  activityLastSeenMs: number | undefined;
  labels: Record<string, string>;
}

/** A `tokens.ext.cattle.io` object (rancher-api.md §6.2). */
export interface ExtToken {
  name: string;
  uid: string;
  secret: string;
  userId: string;
  /** `session` for login tokens, `""` for API keys. */
  kind: string;
  description: string;
  /** Milliseconds after ingest; negative = never expires. */
  ttlMs: number;
  createdMs: number;
  enabled: boolean;
  clusterName: string;
  lastUsedMs: number | undefined;
  lastUpdateMs: number;
  resourceVersion: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A `settings.management.cattle.io` object; `value: ""` means "use the default" (§5.4). */
export interface SimSetting {
  name: string;
  value: string;
  default: string;
}

/** An auth provider config (§3.1). */
export interface SimAuthProvider {
  id: BasicProviderId;
  type: 'localProvider' | 'openLdapProvider';
  enabled: boolean;
}

/** True when a v3 token is past its ttl (`GetIsExpired`, §4.8). */
export function isV3Expired(token: V3Token, now: number): boolean {
  return token.ttlMs !== 0 && now - token.createdMs >= token.ttlMs;
}

/** True when an ext token is past its ttl; negative ttl never expires (§6.2). */
export function isExtExpired(token: ExtToken, now: number): boolean {
  return token.ttlMs >= 0 && now - token.createdMs >= token.ttlMs;
}
