import type { CreatedToken, RancherToken } from './rancher-client';
import type { Transport } from './http';
import { v3TokenCreatedSchema, v3TokenListSchema, v3TokenSchema } from './schemas';
import { fromV3 } from './token-model';

/** `/v3/tokens` (rancher-api.md §4), every Rancher release. */
export function v3Tokens(http: Transport) {
  const path = (name: string) => `/v3/tokens/${encodeURIComponent(name)}`;
  return {
    /** The caller's v3 tokens (sessions, kubeconfig tokens and API keys; expired ones too). */
    async list(bearer: string): Promise<RancherToken[]> {
      const response = await http.request({ method: 'GET', path: '/v3/tokens', bearer });
      return http.json(response, v3TokenListSchema).data.map(fromV3);
    },
    async get(bearer: string, name: string): Promise<RancherToken | null> {
      const response = await http.request({
        method: 'GET',
        path: path(name),
        bearer,
        passStatuses: [404],
      });
      if (response.status === 404) return null;
      return fromV3(http.json(response, v3TokenSchema));
    },
    /** `ttlMs` 0 asks for "never" (granted only where the server has no maximum, §4.8). */
    async create(
      bearer: string,
      input: { description: string; ttlMs: number; clusterId: string | null },
    ): Promise<CreatedToken> {
      const response = await http.request({
        method: 'POST',
        path: '/v3/tokens',
        bearer,
        body: {
          type: 'token',
          description: input.description,
          ttl: input.ttlMs,
          clusterId: input.clusterId ?? '',
        },
      });
      const body = http.json(response, v3TokenCreatedSchema);
      return { token: fromV3(body), bearer: body.token };
    },
    async remove(bearer: string, name: string): Promise<'deleted' | 'not_found'> {
      const response = await http.request({
        method: 'DELETE',
        path: path(name),
        bearer,
        passStatuses: [404],
      });
      return response.status === 404 ? 'not_found' : 'deleted';
    },
  };
}
