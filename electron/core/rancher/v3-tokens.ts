import type { CreatedToken, RancherToken } from './rancher-client';
import type { Transport } from './http';
import { objectPath } from './names';
import { itemConsumer } from './json-items';
import { v3TokenCreatedSchema, v3TokenSchema } from './schemas';
import { isExactV3Token } from './token-check';
import { fromV3, type KnownToken } from './token-model';
import { tokenResource } from './token-resource';

/**
 * `/v3/tokens` (rancher-api.md §4), every Rancher release. List items that fail their schema are
 * left out and reported to `onSkipped`.
 */
export function v3Tokens(http: Transport, onSkipped: (count: number) => void) {
  const path = (name: string) => objectPath('/v3/tokens', name);
  return {
    ...tokenResource(http, path, (response) => fromV3(http.json(response, v3TokenSchema))),
    /**
     * The caller's v3 tokens (sessions, kubeconfig tokens and API keys; expired ones too), each
     * read with `known` as it arrives (RancherClient.listTokens).
     */
    async list(bearer: string, known?: KnownToken): Promise<RancherToken[]> {
      const items = itemConsumer(
        http.origin,
        'data',
        v3TokenSchema,
        (item) => fromV3(item, known),
        isExactV3Token,
      );
      await http.request({ method: 'GET', path: '/v3/tokens', bearer, consume: items.consume });
      const { items: tokens, skipped } = items.result();
      if (skipped > 0) onSkipped(skipped);
      return tokens;
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
  };
}
