import type { Json } from './json';
import type { SimUser, V3Token } from './model';
import { isV3Expired } from './model';
import { formatTime } from './names';
import type { VersionProfile } from './profiles';

/**
 * The stored principal rendered with Go's `fmt` verb for maps, as Norman's builder does
 * (`convertReferenceType` → `convert.ToString`, rancher-api.md §4.1). Keys are sorted like Go's fmt.
 */
export function goPrincipalString(user: SimUser): string {
  const displayName = user.displayName || user.username;
  return (
    `map[displayName:${displayName} loginName:${user.username} me:true ` +
    `metadata:map[creationTimestamp:<nil> name:${user.principalId}] principalType:user ` +
    `provider:${user.provider}]`
  );
}

/** Options of {@link renderV3Token}. */
export interface RenderV3Options {
  base: string;
  profile: VersionProfile;
  now: number;
  user: SimUser | undefined;
  current: boolean;
  /** Only the create/login response carries the secret (§4.4, §10.4). */
  withSecret?: boolean;
  /** Create responses show `expiresAt: ""`: the controller has not run yet (§4.6). */
  hideExpiresAt?: boolean;
  /** ≤2.12 login renders through the `/v3-public` schema (§3.2). */
  linkPrefix?: '/v3' | '/v3-public';
}

/** A v3 token as the Norman token API renders it (rancher-api.md §4.1, real capture §4.2). */
export function renderV3Token(token: V3Token, opts: RenderV3Options): Json {
  const self = `${opts.base}${opts.linkPrefix ?? '/v3'}/tokens/${token.name}`;
  const out: Record<string, Json | undefined> = {
    authProvider: token.authProvider,
    baseType: 'token',
    clusterId: token.clusterId,
    created: formatTime(token.createdMs),
    createdTS: token.createdMs,
    creatorId: null,
    current: opts.current,
    description: token.description,
    enabled: token.enabled,
    expired: isV3Expired(token, opts.now),
    expiresAt: opts.hideExpiresAt ? '' : token.expiresAt,
    id: token.name,
    isDerived: token.isDerived,
    labels: { ...token.labels },
    links: { remove: self, self, update: self },
    name: token.name,
    token: opts.withSecret ? `${token.name}:${token.secret}` : undefined,
    ttl: token.ttlMs,
    type: 'token',
    userId: token.userId,
    userPrincipal: opts.user ? goPrincipalString(opts.user) : undefined,
    uuid: token.uid,
  };
  if (opts.profile.lastUsedAt) {
    if (token.lastUsedMs !== undefined) {
      out.lastUsedAt = formatTime(token.lastUsedMs);
      out.lastUsedAtTS = token.lastUsedMs;
    }
    if (token.activityLastSeenMs !== undefined) {
      out.activityLastSeenAt = formatTime(token.activityLastSeenMs);
      out.activityLastSeenAtTS = token.activityLastSeenMs;
    }
  } else {
    out.lastUpdateTime = '';
  }
  return out;
}

/** Sort links and filter keys of the token collection (§4.2; exact keys are §11.2 open). */
export const TOKEN_SORT_FIELDS = ['authProvider', 'description', 'expiresAt', 'token', 'uuid'];
export const TOKEN_FILTER_FIELDS = [
  'activityLastSeenAt',
  'authProvider',
  'clusterId',
  'created',
  'creatorId',
  'current',
  'description',
  'enabled',
  'expired',
  'expiresAt',
  'isDerived',
  'lastUsedAt',
  'name',
  'removed',
  'token',
  'ttl',
  'userId',
  'userPrincipal',
  'uuid',
];
