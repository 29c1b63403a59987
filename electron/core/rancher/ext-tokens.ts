import { badBodyFailure } from './failures';
import type { CreatedToken, RancherToken } from './rancher-client';
import type { Transport } from './http';
import { objectPath } from './names';
import { itemConsumer } from './json-items';
import { extTokenSchema } from './schemas';
import { isExactExtToken } from './token-check';
import { fromExt, type KnownToken } from './token-model';
import { tokenResource } from './token-resource';

const BASE = '/apis/ext.cattle.io/v1/tokens';

/**
 * `tokens.ext.cattle.io` through the kube API on the Rancher URL (rancher-api.md §6), 2.12+. List
 * items that fail their schema are left out and reported to `onSkipped`.
 */
export function extTokens(http: Transport, onSkipped: (count: number) => void) {
  const path = (name: string) => objectPath(BASE, name);
  return {
    ...tokenResource(http, path, (response) => fromExt(http.json(response, extTokenSchema))),
    /**
     * The caller's ext tokens. Admins are shown every user's, so the list is restricted to the
     * caller with the `cattle.io/user-id` label (§6.3). A 404 means the server has no ext API.
     * Each token is read with `known` as it arrives (RancherClient.listTokens).
     */
    async list(bearer: string, userId: string, known?: KnownToken): Promise<RancherToken[]> {
      const selector = encodeURIComponent(`cattle.io/user-id=${userId}`);
      const items = itemConsumer(
        http.origin,
        'items',
        extTokenSchema,
        (item) => fromExt(item, known),
        isExactExtToken,
      );
      const response = await http.request({
        method: 'GET',
        path: `${BASE}?labelSelector=${selector}`,
        bearer,
        passStatuses: [404],
        consume: items.consume,
      });
      if (response.status === 404) return [];
      const { items: tokens, skipped } = items.result();
      if (skipped > 0) onSkipped(skipped);
      return tokens.filter((t) => t.userId === '' || t.userId === userId);
    },
    /** `ttlMs` 0 asks for the server's default (§6.2); the bearer is `ext/<name>:<secret>`. */
    async create(
      bearer: string,
      input: { description: string; ttlMs: number; clusterId: string | null },
    ): Promise<CreatedToken> {
      const response = await http.request({
        method: 'POST',
        path: BASE,
        bearer,
        body: {
          apiVersion: 'ext.cattle.io/v1',
          kind: 'Token',
          spec: {
            description: input.description,
            ttl: input.ttlMs,
            ...(input.clusterId ? { clusterName: input.clusterId } : {}),
          },
        },
      });
      const body = http.json(response, extTokenSchema);
      const token = fromExt(body);
      // 2.13+ sends the whole bearer; 2.12 only the secret (`status.value`).
      const secret =
        body.status?.bearerToken ??
        (body.status?.value ? `ext/${token.name}:${body.status.value}` : null);
      if (!secret) throw badBodyFailure({ origin: http.origin }, 'unexpected');
      return { token, bearer: secret };
    },
    /** Only description, enabled and a shorter ttl can change (§6.3). */
    async update(
      bearer: string,
      name: string,
      patch: { description?: string; enabled?: boolean; ttlMs?: number },
    ): Promise<RancherToken> {
      const spec: Record<string, unknown> = {};
      if (patch.description !== undefined) spec.description = patch.description;
      if (patch.enabled !== undefined) spec.enabled = patch.enabled;
      if (patch.ttlMs !== undefined) spec.ttl = patch.ttlMs;
      const response = await http.request({
        method: 'PATCH',
        path: path(name),
        bearer,
        contentType: 'application/merge-patch+json',
        body: { spec },
      });
      return fromExt(http.json(response, extTokenSchema));
    },
  };
}
