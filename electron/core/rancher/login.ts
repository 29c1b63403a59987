import type { AuthProvider } from '../../contract/servers';
import { AppFailure } from '../app-failure';
import type { Transport } from './http';
import { authProvidersSchema, loginResponseSchema } from './schemas';
import type { ServerFeatures } from './version';
import type { z } from 'zod';

/** The providers that take a username and password, with their Rancher types (§3.1). */
const passwordProviders: Record<string, { type: string; displayName: string }> = {
  local: { type: 'localProvider', displayName: 'Local' },
  activedirectory: { type: 'activeDirectoryProvider', displayName: 'Active Directory' },
  openldap: { type: 'openLdapProvider', displayName: 'OpenLDAP' },
  freeipa: { type: 'freeIpaProvider', displayName: 'FreeIPA' },
};

function displayNameOf(id: string, type: string | null | undefined): string {
  const known = passwordProviders[id];
  if (known) return known.displayName;
  const name = (type ?? id).replace(/Provider$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The bearer (a secret) and expiry of a login answer. 2.13+ answers with `expiresAt`; ≤2.12 with
 * `expiresAt: ""` and the ttl, from which the expiry follows.
 */
export function loginResult(parsed: z.output<typeof loginResponseSchema>): {
  bearer: string;
  expiresAt: string | null;
} {
  let expiresAt = parsed.expiresAt ? parsed.expiresAt : null;
  if (!expiresAt && parsed.ttl && parsed.ttl > 0 && parsed.created) {
    const created = Date.parse(parsed.created);
    if (!Number.isNaN(created)) expiresAt = new Date(created + parsed.ttl).toISOString();
  }
  return { bearer: parsed.token, expiresAt };
}

/** Login and the provider list, on `/v1-public` (2.13+) or `/v3-public` (every release). */
export function loginApi(http: Transport, features: ServerFeatures) {
  return {
    /** Enabled providers; browser-redirect ones are listed with `passwordLogin: false`. */
    async providers(): Promise<AuthProvider[]> {
      let response = features.v1Public
        ? await http.request({
            method: 'GET',
            path: '/v1-public/authproviders',
            passStatuses: [404],
          })
        : null;
      // ≤2.12 has no `/v1-public` (the CLI falls back on this 404 too, §8.4).
      if (!response || response.status === 404) {
        response = await http.request({ method: 'GET', path: '/v3-public/authProviders' });
      }
      return http.json(response, authProvidersSchema).data.map((p) => ({
        id: p.id,
        displayName: displayNameOf(p.id, p.type),
        passwordLogin: Object.hasOwn(passwordProviders, p.id),
      }));
    },

    /**
     * Logs in and returns the session token's bearer (a secret) and its expiry. 2.13+ answers
     * with `expiresAt`; ≤2.12 with `expiresAt: ""` and the ttl, from which the expiry follows.
     */
    async login(
      provider: string,
      username: string,
      password: string,
      description: string,
    ): Promise<{ bearer: string; expiresAt: string | null }> {
      const known = passwordProviders[provider];
      if (!known) {
        throw new AppFailure(
          'invalid_input',
          `Rancher Keys cannot sign in with the "${provider}" provider by password. Use local, Active Directory, OpenLDAP or FreeIPA, or paste an API key.`,
        );
      }
      const body = { type: known.type, username, password, description, responseType: 'json' };
      // Basic auth would send `username:password`: its encodings are redacted too.
      const secrets = [password, `${username}:${password}`];
      let response = features.v1Public
        ? await http.request({
            method: 'POST',
            path: '/v1-public/login',
            body,
            passStatuses: [401, 404],
            secrets,
          })
        : null;
      if (!response || response.status === 404) {
        response = await http.request({
          method: 'POST',
          path: `/v3-public/${known.type}s/${provider}?action=login`,
          body,
          passStatuses: [401],
          secrets,
        });
      }
      if (response.status === 401) {
        throw new AppFailure(
          'unauthorized',
          'The username or password is not correct (or the user cannot log in with this provider). Check them and try again.',
        );
      }
      return loginResult(http.json(response, loginResponseSchema));
    },

    /** Deletes the calling token on the server (§3.4); works on every release with a v3 token. */
    async logout(bearer: string): Promise<void> {
      const path =
        bearer.startsWith('ext/') && !features.extCallerOnV3
          ? '/v1/logout'
          : '/v3/tokens?action=logout';
      await http.request({ method: 'POST', path, bearer, body: {} });
    },
  };
}
