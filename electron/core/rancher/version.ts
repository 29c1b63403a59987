/** What differs between Rancher releases for the app (rancher-api.md §0). */
export interface ServerFeatures {
  /** `tokens.ext.cattle.io`, from 2.12. */
  ext: boolean;
  /** `/v1-public/*` login and providers, from 2.13. */
  v1Public: boolean;
  /** An ext credential is accepted by the `/v3/tokens` manager, from 2.15. */
  extCallerOnV3: boolean;
}

/**
 * Parses `v2.13.1`, `2.12.0-rc3`, `v2.14-head`; null when it is not a release number (`dev`, a
 * commit hash): such a version says nothing about the server's features.
 */
export function parseRancherVersion(version: string): { major: number; minor: number } | null {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * Features of a server by version. An unknown or unparseable version (a dev build such as
 * `master-head`) is taken to be the newest; callers fall back where Rancher answers 404.
 */
export function featuresOf(version: string | null | undefined): ServerFeatures {
  const parsed = version ? parseRancherVersion(version) : null;
  if (!parsed) return { ext: true, v1Public: true, extCallerOnV3: true };
  const at = (minor: number) => parsed.major > 2 || (parsed.major === 2 && parsed.minor >= minor);
  return { ext: at(12), v1Public: at(13), extCallerOnV3: at(15) };
}
