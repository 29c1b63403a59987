import type { KeyKind, TokenFamily } from '../../contract/keys';
import type { RancherToken } from './rancher-client';
import type { ExtTokenBody, V3TokenBody } from './schemas';

const KIND_LABEL = 'authn.management.cattle.io/kind';

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/** `YYYY-MM-DDTHH:MM:SS` by position: 0 = a digit, else the character's code. */
const UTC_SHAPE = [0, 0, 0, 0, 45, 0, 0, 45, 0, 0, 84, 0, 0, 58, 0, 0, 58, 0, 0];
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Whether `value` reads `/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/` (already a UTC instant), by
 * character codes: a refresh asks this of three times of every listed token, and the regular
 * expression's call was most of utcInstant's time (bench/RESULTS.md, "Refresh, fifth pass").
 * test/unit/core/rancher/token-model.test.ts compares it with the expression.
 */
export function isUtcText(value: string): boolean {
  const last = value.length - 1;
  if (last < 19 || value.charCodeAt(last) !== 90) return false;
  for (let i = 0; i < 19; i++) {
    const code = value.charCodeAt(i);
    const want = UTC_SHAPE[i] as number;
    if (want === 0 ? !isDigit(code) : code !== want) return false;
  }
  if (last === 19) return true;
  if (value.charCodeAt(19) !== 46 || last === 20) return false;
  for (let i = 20; i < last; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/**
 * A server timestamp as a UTC instant. Ext token status times carry the server's local offset
 * (`2025-08-19T02:05:00-05:00`); the rest of the app compares, sorts and shows instants, so each
 * is converted once here, keeping Rancher's second precision (`…:00Z`). Unparseable text is null.
 */
export function utcInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isUtcText(value)) return value;
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

/**
 * The token already held for a listed one (its record's), if any: `RancherClient.listTokens`
 * hands that back instead of a new object when the server says the same about it.
 */
export type KnownToken = (family: TokenFamily, name: string) => RancherToken | undefined;

/** Whether two tokens say the same (every field the app keeps). */
export function sameToken(a: RancherToken, b: RancherToken): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.family === b.family &&
      a.kind === b.kind &&
      a.description === b.description &&
      a.userId === b.userId &&
      a.clusterId === b.clusterId &&
      a.createdAt === b.createdAt &&
      a.lastUsedAt === b.lastUsedAt &&
      a.expiresAt === b.expiresAt &&
      a.ttlMs === b.ttlMs &&
      a.enabled === b.enabled &&
      a.expired === b.expired)
  );
}

/**
 * The one scratch token a listed item is read into before it is compared with the token held for
 * it. A list of 100,000 mostly unchanged tokens then allocates a token object only for the new
 * and changed ones. Allocating every one and dropping the unchanged ones is not the same: V8
 * pretenures an allocation site whose objects survived (the first list, which all become records),
 * so on later lists every dropped token was made straight in the old generation and stayed there
 * as garbage until a full collection (bench/RESULTS.md, Scale). Only used synchronously.
 */
const draft: RancherToken = {
  family: 'v3',
  name: '',
  kind: 'api_key',
  description: '',
  userId: '',
  clusterId: null,
  createdAt: null,
  lastUsedAt: null,
  expiresAt: null,
  ttlMs: null,
  enabled: true,
  expired: false,
};

/** The token held for the draft when it says the same, else a new token with the draft's fields. */
function settle(known: KnownToken | undefined): RancherToken {
  const held = known?.(draft.family, draft.name);
  const token = held !== undefined && sameToken(held, draft) ? held : { ...draft };
  // The draft keeps no strings of the last item alive.
  draft.name = draft.description = draft.userId = '';
  draft.clusterId = draft.createdAt = draft.lastUsedAt = draft.expiresAt = null;
  return token;
}

/** A v3 token body as the app models it; `ttl: 0` means never. */
export function fromV3(body: V3TokenBody, known?: KnownToken): RancherToken {
  draft.family = 'v3';
  draft.name = body.name;
  draft.kind = v3Kind(body);
  draft.description = body.description ?? '';
  draft.userId = body.userId ?? '';
  draft.clusterId = orNull(body.clusterId);
  draft.createdAt = utcInstant(body.created);
  draft.lastUsedAt = utcInstant(body.lastUsedAt);
  draft.expiresAt = v3Expiry(body);
  draft.ttlMs = body.ttl === 0 ? null : body.ttl;
  draft.enabled = body.enabled ?? true;
  draft.expired = body.expired ?? false;
  return settle(known);
}

function extKind(body: ExtTokenBody): KeyKind {
  const kind = body.spec.kind ?? body.metadata.labels?.[KIND_LABEL] ?? '';
  if (kind === 'session') return 'session';
  if (kind === 'kubeconfig') return 'kubeconfig';
  return kind === '' ? 'api_key' : 'system';
}

/** An ext token as the app models it; a negative `ttl` means never (rancher-api.md §6.2). */
export function fromExt(body: ExtTokenBody, known?: KnownToken): RancherToken {
  draft.family = 'ext';
  draft.name = body.metadata.name;
  draft.kind = extKind(body);
  draft.description = body.spec.description ?? '';
  draft.userId = body.spec.userID ?? body.metadata.labels?.['cattle.io/user-id'] ?? '';
  draft.clusterId = orNull(body.spec.clusterName);
  draft.createdAt = utcInstant(body.metadata.creationTimestamp);
  draft.lastUsedAt = utcInstant(body.status?.lastUsedAt);
  draft.expiresAt = utcInstant(body.status?.expiresAt);
  draft.ttlMs = body.spec.ttl < 0 ? null : body.spec.ttl;
  draft.enabled = body.spec.enabled ?? true;
  draft.expired = body.status?.expired ?? false;
  return settle(known);
}
