import type { TokenApis } from '../../contract/servers';
import { AppFailure } from '../app-failure';
import type { Transport } from './http';
import type { ProbeResult } from './rancher-client';
import { rancherVersionSchema, settingSchema } from './schemas';
import { featuresOf, parseRancherVersion } from './version';

/** `auth-token-max-ttl-minutes` (value || default, §5.4) in ms; "0" (or nothing) = no maximum. */
export function maxTtlFromSetting(setting: {
  value?: string | null;
  default?: string | null;
}): number | null {
  const text = (setting.value || setting.default || '').trim();
  const minutes = Number(text);
  if (!text || !Number.isFinite(minutes) || minutes <= 0) return null;
  return Math.round(minutes * 60_000);
}

/** The token APIs a release offers: v3 always, ext from 2.12 (§0). */
export function tokenApisOf(version: string): TokenApis {
  return { v3: true, ext: featuresOf(version).ext };
}

/**
 * Whether the server has ext tokens, asked of the server itself: for a version that is not a
 * release number (a commit hash, `dev`, `master-head`), which says nothing about its features.
 * Anonymous callers cannot list tokens, so without a credential the answer is "no" until sign-in
 * probes again.
 */
async function probeExtApi(http: Transport, bearer: string | null): Promise<boolean> {
  if (!bearer) return false;
  const response = await http.request({
    method: 'GET',
    path: '/apis/ext.cattle.io/v1/tokens?limit=1',
    bearer,
    passStatuses: [401, 403, 404],
  });
  return response.status >= 200 && response.status < 300;
}

/**
 * Reachability, version, token APIs, max TTL and certificate. `/rancherversion` is public; the
 * max TTL setting is served to signed-in users only, so it is read with the credential when there
 * is one and otherwise reported unknown.
 */
export async function probeServer(http: Transport, bearer: string | null): Promise<ProbeResult> {
  let version: string;
  try {
    const response = await http.request({ method: 'GET', path: '/rancherversion' });
    version = http.json(response, rancherVersionSchema).Version;
  } catch (error) {
    if (
      error instanceof AppFailure &&
      (error.code === 'not_found' || error.code === 'server_error')
    ) {
      throw new AppFailure(
        'invalid_input',
        `${new URL(http.origin).host} does not look like a Rancher server (it has no /rancherversion). Check the address.`,
        { cause: error },
      );
    }
    throw error;
  }
  let maxTtlMs: number | null = null;
  let maxTtlKnown = false;
  if (bearer) {
    const response = await http.request({
      method: 'GET',
      path: '/v3/settings/auth-token-max-ttl-minutes',
      bearer,
      passStatuses: [401, 403, 404],
    });
    if (response.status === 404) {
      maxTtlKnown = true;
    } else if (response.status < 300) {
      maxTtlMs = maxTtlFromSetting(http.json(response, settingSchema));
      maxTtlKnown = true;
    }
  }
  const certificate = http.origin.startsWith('https:')
    ? ((await http.peerCertificate().catch(() => null))?.info ?? null)
    : null;
  const tokenApis = parseRancherVersion(version)
    ? tokenApisOf(version)
    : { v3: true, ext: await probeExtApi(http, bearer) };
  return { version, tokenApis, maxTtlMs, maxTtlKnown, certificate };
}
