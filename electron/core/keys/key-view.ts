import type { KeyState, KeyView } from '../../contract/keys';
import { displayText } from '../display-text';
import { handleOf } from './key-handle';
import { keyIdOf } from './key-id';
import { NO_LABELS, type KeyRecord } from './key-records';
import { expiringWindowFor, lifetimeOf } from '../expiry/expiry-math';

/** What the merge needs besides the record. */
export interface ViewContext {
  now: number;
  /** The largest warning threshold: a key within it is `expiring`. */
  expiringWithinMs: number;
  /** The access key the app signs in with on this server. */
  signInKeyId: string | null;
  /** The display name of a cluster id, where the server's cluster list gave one. */
  clusterName?: (clusterId: string) => string | null;
}

function parseTime(text: string | null): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The state chip of a key (contract `KeyState`), from the server's last word and local facts. */
export function keyStateOf(record: KeyRecord, now: number, expiringWithinMs: number): KeyState {
  const { createdAt, expiresAt } = record.token;
  return keyStateAt(record, parseTime(expiresAt), parseTime(createdAt), now, expiringWithinMs);
}

/**
 * {@link keyStateOf} with the record's expiry and creation already parsed (null where absent or
 * unparseable): the view cache keeps them as numbers and recomputes states when time passes.
 */
export function keyStateAt(
  record: KeyRecord,
  expiresAt: number | null,
  createdAt: number | null,
  now: number,
  expiringWithinMs: number,
): KeyState {
  if (record.pendingRevocation) return 'pending_revocation';
  const pastExpiry = expiresAt !== null && expiresAt <= now;
  // Gone from the server: it expired (and was purged) or someone revoked it. Never dropped.
  if (!record.onServer) return pastExpiry || record.token.expired ? 'expired' : 'revoked';
  if (pastExpiry || record.token.expired) return 'expired';
  if (!record.token.enabled) return 'disabled';
  if (expiresAt === null) return 'active';
  const window = expiringWindowFor(
    expiringWithinMs,
    lifetimeOf(record.token.ttlMs, createdAt, expiresAt),
  );
  return expiresAt - now <= window ? 'expiring' : 'active';
}

const nameOf = (name: string | null | undefined) => (name == null ? null : displayText(name));

/**
 * Server truth merged with local metadata, as the renderer sees it (never the secret). Server
 * text is neutralised here (bidi and control characters), so the window shows it as it is.
 */
export function toKeyView(
  record: KeyRecord,
  context: ViewContext,
  state: KeyState = keyStateOf(record, context.now, context.expiringWithinMs),
): KeyView {
  const { token } = record;
  const id = keyIdOf(token.family, token.name);
  const isSignIn = context.signInKeyId !== null && id === context.signInKeyId;
  return {
    id,
    name: displayText(token.name),
    family: token.family,
    kind: token.kind,
    description: displayText(token.description),
    labels: record.labels.length > 0 ? record.labels.map(displayText) : NO_LABELS,
    clusterId: token.clusterId,
    clusterName: token.clusterId ? nameOf(context.clusterName?.(token.clusterId)) : null,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
    ttlMs: token.ttlMs,
    enabled: token.enabled,
    state,
    hasSecret: record.hasSecret || isSignIn,
    isSignInCredential: isSignIn,
    preview: record.hasSecret ? record.preview : null,
    snoozedUntil: record.snoozedUntil,
    revokeAt: record.revokeAt,
    handle: handleOf(id, record),
    isDefault: record.toolsDefault,
  };
}

/** Only API keys are shown unless system tokens (sessions, kubeconfig) are asked for. */
export function isVisible(view: KeyView, includeSystem: boolean): boolean {
  return includeSystem || view.kind === 'api_key';
}

/**
 * The instant a key expires, as the list sorts it: never-expiring (no expiry) is Infinity, an
 * unparseable one NaN (which compares as "after" everything, as it always has).
 */
export const sortExpiryOf = (expiresAt: string | null): number =>
  expiresAt ? Date.parse(expiresAt) : Infinity;

/**
 * The list order: soonest expiry first, never-expiring last, then by description and id. `a` and
 * `b` are views with their {@link sortExpiryOf} instants.
 */
export function compareViews(a: KeyView, aExpiry: number, b: KeyView, bExpiry: number): number {
  return (
    (aExpiry !== bExpiry ? (aExpiry < bExpiry ? -1 : 1) : 0) ||
    a.description.localeCompare(b.description) ||
    a.id.localeCompare(b.id)
  );
}
