import { z } from 'zod';
import { AppFailure } from '../app-failure';
import type { Transport } from './http';
import { LIMITS, loginResponseSchema } from './schemas';
import type { ServerFeatures } from './version';
import { loginResult } from './login';

const url = z.string().max(4096).nullish();
const short = z.string().max(256).nullish();

/**
 * An enabled provider with the fields single sign-on reads (rancher-sso.md §1, B1, §7 rule 2):
 * Azure's client id, tenant and endpoints, an OAuth provider's `redirectUrl`. Anything else is
 * tolerated and ignored.
 */
export const ssoProviderSchema = z.looseObject({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  clientId: short,
  tenantId: short,
  authUrl: url,
  tokenUrl: url,
  deviceAuthUrl: url,
  redirectUrl: url,
  scopes: z.array(z.string().max(256)).max(32).nullish(),
});
export type SsoProvider = z.output<typeof ssoProviderSchema>;

/** Items that do not parse are left out (one odd provider does not hide the others). */
const providerListSchema = z.looseObject({ data: z.array(z.unknown()).max(100) });

/** The SAML relay's encrypted token, v1 (`{token, expiresAt}`) or v3 (Norman) alike (A5). */
const authTokenSchema = z.looseObject({
  token: z.string().max(8192).nullish(),
  expiresAt: z.string().max(LIMITS.short).nullish(),
});

/** A SAML relay request id: 32 lowercase alphanumerics (A1); it is a path segment. */
const requestIdPattern = /^[a-z0-9]{32}$/;

/** The public, unauthenticated sign-in endpoints single sign-on uses. */
export function ssoApi(http: Transport, features: ServerFeatures) {
  /** `/v1-public` unless the server has none (the CLI falls back on that 404, A5). */
  let v1: boolean | null = features.v1Public ? null : false;

  /** The enabled providers; `signal` withdraws the request (a sign-in cancelled). */
  async function providers(signal?: AbortSignal): Promise<SsoProvider[]> {
    let response = null;
    if (v1 !== false) {
      response = await http.request({
        method: 'GET',
        path: '/v1-public/authproviders',
        passStatuses: [404],
        signal,
      });
      v1 = response.status !== 404;
      if (!v1) response = null;
    }
    response ??= await http.request({ method: 'GET', path: '/v3-public/authProviders', signal });
    const list = http.json(response, providerListSchema).data;
    const parsed: SsoProvider[] = [];
    for (const item of list) {
      const one = ssoProviderSchema.safeParse(item);
      if (one.success) parsed.push(one.data);
    }
    return parsed;
  }

  async function tokenPath(requestId: string, signal?: AbortSignal): Promise<string> {
    if (!requestIdPattern.test(requestId)) {
      throw new AppFailure('invalid_input', 'The sign-in request id is not valid.');
    }
    if (v1 === null) await providers(signal);
    return v1 ? `/v1-public/authtokens/${requestId}` : `/v3-public/authTokens/${requestId}`;
  }

  return {
    providers,

    /**
     * The encrypted relay token, or null while it is not there yet: 404, or 200 with an empty
     * `token` (A5). Any other status is a failure. Once `signal` aborts (the sign-in was
     * cancelled) no poll is sent and one in flight is aborted.
     */
    async authToken(
      requestId: string,
      signal?: AbortSignal,
    ): Promise<{ token: string; expiresAt: string | null } | null> {
      const response = await http.request({
        method: 'GET',
        path: await tokenPath(requestId, signal),
        passStatuses: [404],
        signal,
      });
      if (response.status === 404) return null;
      const body = http.json(response, authTokenSchema);
      if (!body.token) return null;
      return { token: body.token, expiresAt: body.expiresAt ? body.expiresAt : null };
    },

    /**
     * Deletes the relay token; v1 200, v3 204 and an already gone 404 are all fine (A6). Not sent
     * once `signal` aborts (Rancher purges relay tokens itself).
     */
    async deleteAuthToken(requestId: string, signal?: AbortSignal): Promise<void> {
      await http.request({
        method: 'DELETE',
        path: await tokenPath(requestId, signal),
        passStatuses: [404],
        signal,
      });
    },

    /**
     * Logs in with an Azure AD `id_token` (B4) and returns the session bearer (a secret). 401:
     * the user is not allowed; 403: disabled; 500: Rancher could not verify the token. Once
     * `signal` aborts (the sign-in was cancelled) nothing is sent and a login in flight is aborted.
     */
    async idTokenLogin(
      providerId: string,
      idToken: string,
      description: string,
      signal?: AbortSignal,
    ): Promise<{ bearer: string; expiresAt: string | null }> {
      const body = {
        type: 'azureADProvider',
        responseType: 'json',
        id_token: idToken,
        description,
      };
      const pass = [401, 403, 404, 500];
      let response =
        v1 !== false
          ? await http.request({
              method: 'POST',
              path: '/v1-public/login',
              body,
              passStatuses: pass,
              secrets: [idToken],
              signal,
            })
          : null;
      if (!response || response.status === 404) {
        response = await http.request({
          method: 'POST',
          path: `/v3-public/azureADProviders/${encodeURIComponent(providerId)}?action=login`,
          body,
          passStatuses: pass,
          secrets: [idToken],
          signal,
        });
      }
      if (response.status === 401) {
        throw new AppFailure(
          'unauthorized',
          'Rancher does not allow this Azure AD user to sign in (ask your Rancher administrator about its access settings).',
        );
      }
      if (response.status === 403) {
        throw new AppFailure('forbidden', 'This user is disabled in Rancher.');
      }
      if (response.status === 500) {
        throw new AppFailure(
          'server_error',
          'Rancher could not verify the Azure AD sign-in (its Azure AD settings may not match the app registration).',
        );
      }
      if (response.status === 404) {
        throw new AppFailure('not_found', 'Azure AD sign-in is not enabled on this server.');
      }
      return loginResult(http.json(response, loginResponseSchema));
    },
  };
}

export type SsoApi = ReturnType<typeof ssoApi>;
