import type { KeyKind } from '../../contract/keys';
import type { RancherToken } from './rancher-client';
import type { ExtTokenBody, V3TokenBody } from './schemas';

const KIND_LABEL = 'authn.management.cattle.io/kind';

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

function v3Kind(body: V3TokenBody): KeyKind {
  const label = body.labels?.[KIND_LABEL];
  if (label === 'session') return 'session';
  if (label === 'kubeconfig' || body.name.startsWith('kubeconfig-')) return 'kubeconfig';
  // Only login tokens are not derived (rancher-api.md §4.1, §4.7).
  if (body.isDerived === false) return 'session';
  // `agent-*`, `kubectl-shell-*` and the like are Rancher's own (§2.2).
  if (!body.name.startsWith('token-')) return 'system';
  return 'api_key';
}

/** A v3 token body as the app models it; `ttl: 0` means never, `expiresAt: ""` not yet known. */
export function fromV3(body: V3TokenBody): RancherToken {
  return {
    family: 'v3',
    name: body.name,
    kind: v3Kind(body),
    description: body.description ?? '',
    userId: body.userId ?? '',
    clusterId: orNull(body.clusterId),
    createdAt: orNull(body.created),
    lastUsedAt: orNull(body.lastUsedAt),
    expiresAt: orNull(body.expiresAt),
    ttlMs: body.ttl === 0 ? null : body.ttl,
    enabled: body.enabled ?? true,
    expired: body.expired ?? false,
  };
}

function extKind(body: ExtTokenBody): KeyKind {
  const kind = body.spec.kind ?? body.metadata.labels?.[KIND_LABEL] ?? '';
  if (kind === 'session') return 'session';
  if (kind === 'kubeconfig') return 'kubeconfig';
  return kind === '' ? 'api_key' : 'system';
}

/** An ext token as the app models it; a negative `ttl` means never (rancher-api.md §6.2). */
export function fromExt(body: ExtTokenBody): RancherToken {
  return {
    family: 'ext',
    name: body.metadata.name,
    kind: extKind(body),
    description: body.spec.description ?? '',
    userId: body.spec.userID ?? body.metadata.labels?.['cattle.io/user-id'] ?? '',
    clusterId: orNull(body.spec.clusterName),
    createdAt: orNull(body.metadata.creationTimestamp),
    lastUsedAt: orNull(body.status?.lastUsedAt),
    expiresAt: orNull(body.status?.expiresAt),
    ttlMs: body.spec.ttl < 0 ? null : body.spec.ttl,
    enabled: body.spec.enabled ?? true,
    expired: body.status?.expired ?? false,
  };
}
