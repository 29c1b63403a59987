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

/**
 * How long before its expiry this key counts as `expiring`: the warning window, capped at the last
 * quarter of the key's own lifetime (expiry-math's `expiringWindowFor`).
 */
export function expiringWindowOf(record: KeyRecord, windowMs: number): number {
  const { ttlMs, createdAt, expiresAt } = record.token;
  return expiringWindowFor(windowMs, lifetimeOf(ttlMs, parseTime(createdAt), parseTime(expiresAt)));
}

/** The state chip of a key (contract `KeyState`), from the server's last word and local facts. */
export function keyStateOf(record: KeyRecord, now: number, expiringWithinMs: number): KeyState {
  if (record.pendingRevocation) return 'pending_revocation';
  const expiresAt = parseTime(record.token.expiresAt);
  const pastExpiry = expiresAt !== null && expiresAt <= now;
  // Gone from the server: it expired (and was purged) or someone revoked it. Never dropped.
  if (!record.onServer) return pastExpiry || record.token.expired ? 'expired' : 'revoked';
  if (pastExpiry || record.token.expired) return 'expired';
  if (!record.token.enabled) return 'disabled';
  if (expiresAt !== null && expiresAt - now <= expiringWindowOf(record, expiringWithinMs)) {
    return 'expiring';
  }
  return 'active';
}

const nameOf = (name: string | null | undefined) => (name == null ? null : displayText(name));

/**
 * Server truth merged with local metadata, as the renderer sees it (never the secret). Server
 * text is neutralised here (bidi and control characters), so the window shows it as it is.
 */
export function toKeyView(record: KeyRecord, context: ViewContext): KeyView {
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
    state: keyStateOf(record, context.now, context.expiringWithinMs),
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

const expiryOf = (view: KeyView) => (view.expiresAt ? Date.parse(view.expiresAt) : Infinity);

/**
 * Orders a list: soonest expiry first, never-expiring last, then by description and id. Each
 * expiry is parsed once, not on every comparison.
 */
export function sortViews(views: readonly KeyView[]): KeyView[] {
  return views
    .map((view) => ({ view, expiry: expiryOf(view) }))
    .sort(
      (a, b) =>
        (a.expiry !== b.expiry ? (a.expiry < b.expiry ? -1 : 1) : 0) ||
        a.view.description.localeCompare(b.view.description) ||
        a.view.id.localeCompare(b.view.id),
    )
    .map(({ view }) => view);
}
