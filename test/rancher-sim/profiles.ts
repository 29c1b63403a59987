/**
 * Rancher versions the simulator can emulate; 2.13 and 2.14 behave the same (rancher-api.md §0)
 * but for `/v1-oidc` (rancher-sso.md §6).
 */
export type RancherVersion = '2.8' | '2.12' | '2.13' | '2.14' | '2.15';

/** Everything that differs between emulated releases, as decided by rancher-api.md §0 and §10.16. */
export interface VersionProfile {
  readonly version: RancherVersion;
  /** Body of `/rancherversion` `Version`. */
  readonly versionString: string;
  readonly gitCommit: string;
  /** `lastUsedAt` replaced `lastUpdateTime` in 2.10 (§4.1). */
  readonly lastUsedAt: boolean;
  /** `tokens.ext.cattle.io` exists from 2.12 (§6). */
  readonly extTokens: boolean;
  /** `spec.clusterName` and `status.bearerToken` on ext tokens from 2.13 (§0). */
  readonly extBearerToken: boolean;
  /** `/v1-public/*` and `POST /v1/logout` from 2.13 (§1.1, §3.4). */
  readonly v1Public: boolean;
  /** 2.13+ login answers `{baseType,expiresAt,id,token,type}`; older ones the full resource (§3.2). */
  readonly minimalLoginBody: boolean;
  /** 2.13+ login errors use `ReturnAPIError`, older ones the Norman writer (§1.4). */
  readonly apiErrorLogin: boolean;
  /** `R_SESS` carries `SameSite=Lax` from 2.13 (§2.4). */
  readonly sameSiteSessionCookie: boolean;
  /** The v3 token manager accepts an ext credential from 2.15 (§6.4). */
  readonly extCallerOnV3Tokens: boolean;
  /** ≤2.12 tokens created through Norman carry `cattle.io/creator: norman` (§4.1). */
  readonly normanCreatorLabel: boolean;
  /** `auth-user-session-idle-ttl-minutes` exists from 2.11 (§0). */
  readonly idleSessionSetting: boolean;
  /** `/v1-oidc/<id>` and OIDC server-side PKCE from 2.14 (rancher-sso.md §6, §7 rule 9). */
  readonly v1Oidc: boolean;
}

const base = {
  lastUsedAt: true,
  extTokens: true,
  extBearerToken: true,
  v1Public: true,
  minimalLoginBody: true,
  apiErrorLogin: true,
  sameSiteSessionCookie: true,
  extCallerOnV3Tokens: false,
  normanCreatorLabel: false,
  idleSessionSetting: true,
  v1Oidc: false,
} as const;

const profiles: Record<RancherVersion, VersionProfile> = {
  '2.8': {
    ...base,
    version: '2.8',
    versionString: 'v2.8.5',
    gitCommit: 'c3b4f1a2e',
    lastUsedAt: false,
    extTokens: false,
    extBearerToken: false,
    v1Public: false,
    minimalLoginBody: false,
    apiErrorLogin: false,
    sameSiteSessionCookie: false,
    normanCreatorLabel: true,
    idleSessionSetting: false,
  },
  '2.12': {
    ...base,
    version: '2.12',
    versionString: 'v2.12.3',
    gitCommit: '8e1d0c4b7',
    extBearerToken: false,
    v1Public: false,
    minimalLoginBody: false,
    apiErrorLogin: false,
    sameSiteSessionCookie: false,
    normanCreatorLabel: true,
  },
  '2.13': { ...base, version: '2.13', versionString: 'v2.13.1', gitCommit: '5a9f2e6d1' },
  '2.14': {
    ...base,
    version: '2.14',
    versionString: 'v2.14.0',
    gitCommit: 'b7c3d8e24',
    v1Oidc: true,
  },
  '2.15': {
    ...base,
    version: '2.15',
    versionString: 'v2.15.0',
    gitCommit: '1f6a4c9d3',
    extCallerOnV3Tokens: true,
    v1Oidc: true,
  },
};

/** The behaviour profile of one emulated release. */
export function getProfile(version: RancherVersion): VersionProfile {
  return profiles[version];
}

/** Accepts the versions the CLI and tests may name. */
export function isRancherVersion(value: string): value is RancherVersion {
  return Object.hasOwn(profiles, value);
}
