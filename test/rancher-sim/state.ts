import { SimSso } from './sso-state';
import type { SimClock } from './clock';
import type {
  BasicProviderId,
  ExtToken,
  SimAuthProvider,
  SimCluster,
  SimSetting,
  SimUser,
  V3Token,
  V3TokenKind,
} from './model';
import { isExtExpired, isV3Expired } from './model';
import type { VersionProfile } from './profiles';
import {
  formatTime,
  generateClusterId,
  generateName,
  generateSecret,
  generateUid,
  truncateToSecond,
} from './names';
import { defaultSettings } from './settings';

/** Input of {@link SimState.addUser}. */
export interface AddUserInput {
  username: string;
  password: string;
  displayName?: string;
  admin?: boolean;
  enabled?: boolean;
  provider?: BasicProviderId;
  /** Defaults to `u-xxxxx` (API-created users, §2.2). */
  id?: string;
}

/** Input of {@link SimState.addCluster}. */
export interface AddClusterInput {
  name: string;
  id?: string;
  description?: string;
  provider?: string;
  driver?: string;
  state?: string;
  /** Non-admin users allowed to see the cluster. */
  members?: string[];
}

/** Input of {@link SimState.addToken}: a v3 token placed directly in the store (no clamping). */
export interface AddTokenInput {
  /** User id or username. */
  user: string;
  kind?: V3TokenKind;
  description?: string;
  /** Milliseconds; 0 = never expires. */
  ttlMs?: number;
  /** Creation instant; defaults to now. */
  createdMs?: number;
  clusterId?: string | null;
  enabled?: boolean;
  lastUsedMs?: number;
  name?: string;
  secret?: string;
}

/** Input of {@link SimState.addExtToken}; `ttlMs` negative = never expires. */
export interface AddExtTokenInput {
  user: string;
  /** `kubeconfig` for tokens minted by kubeconfig generation (HEAD, rancher-api.md §6.4). */
  kind?: '' | 'session' | 'kubeconfig';
  description?: string;
  ttlMs?: number;
  createdMs?: number;
  clusterName?: string;
  enabled?: boolean;
  lastUsedMs?: number;
  name?: string;
  secret?: string;
}

/** A token as handed back to a test, with its bearer string. */
export interface IssuedToken {
  name: string;
  secret: string;
  /** `name:secret`, or `ext/name:secret` for ext tokens. */
  bearer: string;
}

/**
 * The simulated Rancher's data: users, clusters, both token families, settings and auth providers.
 * Mutations here bypass the API rules on purpose (fixtures may hold tokens the API would refuse).
 */
export class SimState {
  readonly users = new Map<string, SimUser>();
  readonly clusters = new Map<string, SimCluster>();
  readonly tokens = new Map<string, V3Token>();
  readonly extTokens = new Map<string, ExtToken>();
  readonly settings = new Map<string, SimSetting>();
  readonly providers = new Map<BasicProviderId, SimAuthProvider>();
  /** Single sign-on: SAML, Azure AD (rancher-sso.md §7). */
  readonly sso = new SimSso();
  private resourceVersion = 1000;

  constructor(
    readonly clock: SimClock,
    readonly profile: VersionProfile,
  ) {
    for (const s of defaultSettings(profile)) this.settings.set(s.name, s);
    this.providers.set('local', { id: 'local', type: 'localProvider', enabled: true });
    this.providers.set('openldap', { id: 'openldap', type: 'openLdapProvider', enabled: true });
  }

  /** Next `metadata.resourceVersion`. */
  nextResourceVersion(): number {
    return ++this.resourceVersion;
  }

  /** Adds a user; local principal `local://<id>`, LDAP principal a DN. */
  addUser(input: AddUserInput): SimUser {
    const id = input.id ?? generateName('u-');
    const provider = input.provider ?? 'local';
    const user: SimUser = {
      id,
      uid: generateUid(),
      username: input.username,
      password: input.password,
      displayName: input.displayName ?? '',
      enabled: input.enabled ?? true,
      admin: input.admin ?? false,
      provider,
      principalId:
        provider === 'local'
          ? `local://${id}`
          : `openldap_user://uid=${input.username},ou=users,dc=example,dc=org`,
      createdMs: truncateToSecond(this.clock.now()),
    };
    this.users.set(id, user);
    return user;
  }

  /** Enables or disables a user: a disabled user's tokens stop working but are kept (§4.9). */
  setUserEnabled(userIdOrName: string, enabled: boolean): void {
    this.requireUser(userIdOrName).enabled = enabled;
  }

  /** Finds a user by id or username. */
  findUser(userIdOrName: string): SimUser | undefined {
    const byId = this.users.get(userIdOrName);
    if (byId) return byId;
    for (const u of this.users.values()) if (u.username === userIdOrName) return u;
    return undefined;
  }

  /** Like {@link findUser} but throws for an unknown user (a bug in the test). */
  requireUser(userIdOrName: string): SimUser {
    const user = this.findUser(userIdOrName);
    if (!user) throw new Error(`rancher-sim: unknown user ${userIdOrName}`);
    return user;
  }

  /** Adds a cluster; the id defaults to `c-m-xxxxxxxx`. */
  addCluster(input: AddClusterInput): SimCluster {
    const id = input.id ?? generateClusterId();
    const cluster: SimCluster = {
      id,
      uid: generateUid(),
      name: input.name,
      description: input.description ?? '',
      provider: input.provider ?? (id === 'local' ? 'k3s' : 'rke2'),
      driver: input.driver ?? (id === 'local' ? 'k3s' : 'imported'),
      internal: id === 'local',
      state: input.state ?? 'active',
      createdMs: truncateToSecond(this.clock.now()),
      creatorId: null,
      members: input.members ?? [],
    };
    this.clusters.set(id, cluster);
    return cluster;
  }

  /** Sets a setting's value (`""` = back to default); unknown names are created. */
  setSetting(name: string, value: string): void {
    const existing = this.settings.get(name);
    if (existing) existing.value = value;
    else this.settings.set(name, { name, value, default: '' });
  }

  /** Effective value of a setting: `value || default` (§5.4). */
  getSetting(name: string): string {
    const s = this.settings.get(name);
    return s ? s.value || s.default : '';
  }

  /** A minutes setting in milliseconds (non-numeric → 0). */
  getMinutesSettingMs(name: string): number {
    const minutes = Number.parseInt(this.getSetting(name), 10);
    return Number.isFinite(minutes) ? minutes * 60_000 : 0;
  }

  /** Enables or disables an auth provider; its users' tokens then fail with 401 (§2.3 step 6). */
  setProviderEnabled(id: BasicProviderId, enabled: boolean): void {
    const p = this.providers.get(id);
    if (p) p.enabled = enabled;
  }

  /** Places a v3 token in the store as-is and returns its bearer. */
  addToken(input: AddTokenInput): IssuedToken {
    const user = this.requireUser(input.user);
    const kind = input.kind ?? 'apikey';
    const clusterId = input.clusterId ?? null;
    // Kubeconfig tokens are `kubeconfig-<user>` + 5 chars, `kubeconfig-<user>.<cluster>` + 5 when
    // scoped (rancher-api.md §2.2), described "Kubeconfig token" as login writes them (§3.2).
    const prefix =
      kind === 'kubeconfig' ? `kubeconfig-${user.id}${clusterId ? `.${clusterId}` : ''}` : 'token-';
    const createdMs = truncateToSecond(input.createdMs ?? this.clock.now());
    const ttlMs = input.ttlMs ?? 0;
    const token = this.insertV3Token({
      name: input.name ?? this.uniqueName(prefix, this.tokens),
      uid: generateUid(),
      secret: input.secret ?? generateSecret(),
      userId: user.id,
      authProvider: user.provider,
      kind,
      isDerived: kind !== 'session',
      description: input.description ?? (kind === 'kubeconfig' ? 'Kubeconfig token' : ''),
      ttlMs,
      createdMs,
      expiresAt: ttlMs === 0 ? '' : formatTime(createdMs + ttlMs),
      clusterId,
      enabled: input.enabled ?? true,
      lastUsedMs: input.lastUsedMs === undefined ? undefined : truncateToSecond(input.lastUsedMs),
      activityLastSeenMs: undefined,
      labels: {},
    });
    return { name: token.name, secret: token.secret, bearer: `${token.name}:${token.secret}` };
  }

  /** Stores a fully formed v3 token, adding the labels Rancher always sets (§4.1). */
  insertV3Token(token: V3Token): V3Token {
    token.labels['authn.management.cattle.io/token-userId'] = token.userId;
    if (token.kind !== 'apikey') token.labels['authn.management.cattle.io/kind'] = token.kind;
    // Kubeconfig tokens are minted through the Norman object client on every release; API keys
    // only on ≤2.12 (§4.1).
    if (
      token.kind === 'kubeconfig' ||
      (this.profile.normanCreatorLabel && token.kind === 'apikey')
    ) {
      token.labels['cattle.io/creator'] = 'norman';
    }
    this.tokens.set(token.name, token);
    return token;
  }

  /** Places an ext token in the store as-is and returns its `ext/` bearer. */
  addExtToken(input: AddExtTokenInput): IssuedToken {
    const user = this.requireUser(input.user);
    const createdMs = truncateToSecond(input.createdMs ?? this.clock.now());
    const token: ExtToken = {
      name: input.name ?? this.uniqueName('token-', this.extTokens),
      uid: generateUid(),
      secret: input.secret ?? generateSecret(),
      userId: user.id,
      kind: input.kind ?? '',
      description: input.description ?? '',
      ttlMs: input.ttlMs ?? -1,
      createdMs,
      enabled: input.enabled ?? true,
      clusterName: input.clusterName ?? '',
      lastUsedMs: input.lastUsedMs,
      lastUpdateMs: createdMs,
      resourceVersion: this.nextResourceVersion(),
      labels: {},
      annotations: {},
    };
    this.extTokens.set(token.name, token);
    return { name: token.name, secret: token.secret, bearer: `ext/${token.name}:${token.secret}` };
  }

  /** A `generateName` result not yet used in `map`. */
  uniqueName(prefix: string, map: Map<string, unknown>): string {
    for (;;) {
      const name = generateName(prefix);
      if (!map.has(name)) return name;
    }
  }

  /** v3 tokens of one user in Kubernetes list order (ascending by name, §4.2). */
  tokensOfUser(userId: string): V3Token[] {
    const out: V3Token[] = [];
    for (const t of this.tokens.values()) if (t.userId === userId) out.push(t);
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Deletes expired v3 and ext tokens, as the hourly purge daemon does (§4.9); returns the count. */
  purgeExpired(): number {
    const now = this.clock.now();
    let purged = 0;
    for (const [name, t] of this.tokens) {
      if (isV3Expired(t, now)) {
        this.tokens.delete(name);
        purged++;
      }
    }
    if (this.profile.extTokens) {
      for (const [name, t] of this.extTokens) {
        if (isExtExpired(t, now)) {
          this.extTokens.delete(name);
          purged++;
        }
      }
    }
    return purged;
  }
}
