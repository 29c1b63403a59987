import type { KeyKind } from '../../contract/keys';
import type { RancherToken } from './rancher-client';
import type { ExtTokenBody, V3TokenBody } from './schemas';

const KIND_LABEL = 'authn.management.cattle.io/kind';

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/**
 * A server timestamp as a UTC instant. Ext token status times carry the server's local offset
 * (`2025-08-19T02:05:00-05:00`); the rest of the app compares, sorts and shows instants, so each
 * is converted once here, keeping Rancher's second precision (`…:00Z`). Unparseable text is null.
 */
export function utcInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

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

/**
 * The expiry of a v3 token: `expiresAt`, or when it is empty but the token has a lifetime (a
 * just-created token, and some providers' sessions always), creation + ttl, as Rancher computes
 * it (rancher-api.md §4.4).
 */
function v3Expiry(body: V3TokenBody): string | null {
  const stated = utcInstant(body.expiresAt);
  if (stated || body.ttl <= 0) return stated;
  const created = body.created ? Date.parse(body.created) : NaN;
  if (Number.isNaN(created) || !Number.isFinite(created + body.ttl)) return null;
  return new Date(created + body.ttl).toISOString().replace('.000Z', 'Z');
}

/** A v3 token body as the app models it; `ttl: 0` means never. */
export function fromV3(body: V3TokenBody): RancherToken {
  return {
    family: 'v3',
    name: body.name,
    kind: v3Kind(body),
    description: body.description ?? '',
    userId: body.userId ?? '',
    clusterId: orNull(body.clusterId),
    createdAt: utcInstant(body.created),
    lastUsedAt: utcInstant(body.lastUsedAt),
    expiresAt: v3Expiry(body),
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
    createdAt: utcInstant(body.metadata.creationTimestamp),
    lastUsedAt: utcInstant(body.status?.lastUsedAt),
    expiresAt: utcInstant(body.status?.expiresAt),
    ttlMs: body.spec.ttl < 0 ? null : body.spec.ttl,
    enabled: body.spec.enabled ?? true,
    expired: body.status?.expired ?? false,
  };
}
