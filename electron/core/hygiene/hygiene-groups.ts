import type { HygieneGroupId, HygieneMember } from '../../contract/hygiene';
import { hygieneGroupIds } from '../../contract/hygiene';
import type { KeyView } from '../../contract/keys';

const DAY = 24 * 3_600_000;

/** What grouping one server's tokens needs besides the tokens. */
export interface GroupingContext {
  serverId: string;
  serverName: string;
  now: number;
  /** `unused`: last used longer ago than this. */
  unusedDays: number;
  /** The server's clusters by id, or null when they could not be read (`orphaned` unknown). */
  clusters: ReadonlyMap<string, string> | null;
}

/** One server's tokens sorted into the clean-up groups. */
export interface ServerGroups {
  serverId: string;
  serverName: string;
  tokenCount: number;
  /** No token of the server reports a last use: the server predates `lastUsedAt` (≤2.9). */
  usageUnknown: boolean;
  members: Map<HygieneGroupId, HygieneMember[]>;
}

/**
 * Tokens that are no longer on the server (kept locally) or already on their way out have nothing
 * to clean up on the server; the app's own sign-in credential is never offered for revocation.
 */
function eligible(view: KeyView): boolean {
  return (
    !view.isSignInCredential && view.state !== 'revoked' && view.state !== 'pending_revocation'
  );
}

function memberOf(view: KeyView, context: GroupingContext): HygieneMember {
  return {
    serverId: context.serverId,
    serverName: context.serverName,
    keyId: view.id,
    family: view.family,
    kind: view.kind,
    description: view.description,
    clusterId: view.clusterId,
    clusterName: view.clusterId ? (context.clusters?.get(view.clusterId) ?? null) : null,
    createdAt: view.createdAt,
    lastUsedAt: view.lastUsedAt,
    expiresAt: view.expiresAt,
    enabled: view.enabled,
    hasSecret: view.hasSecret,
  };
}

/**
 * Sorts one server's tokens (every kind) into the clean-up groups in one pass; a token may be in
 * several. Linear in the number of tokens with one date parse per used token: 20,000 tokens are
 * grouped well within 100 ms (bench/RESULTS.md, Hygiene).
 */
export function groupServerTokens(
  views: readonly KeyView[],
  context: GroupingContext,
): ServerGroups {
  const members = new Map<HygieneGroupId, HygieneMember[]>();
  for (const id of hygieneGroupIds) members.set(id, []);
  const add = (id: HygieneGroupId, member: HygieneMember) => members.get(id)!.push(member);
  const unusedBefore = context.now - context.unusedDays * DAY;
  const usageUnknown = views.length > 0 && views.every((v) => v.lastUsedAt === null);
  let tokenCount = 0;
  for (const view of views) {
    if (!eligible(view)) continue;
    tokenCount++;
    const member = memberOf(view, context);
    if (view.state === 'expired') add('expired', member);
    if (!usageUnknown) {
      if (view.lastUsedAt === null) add('never_used', member);
      else if (Date.parse(view.lastUsedAt) < unusedBefore) add('unused', member);
    }
    if (view.expiresAt === null && view.ttlMs === null && view.state !== 'expired') {
      add('never_expires', member);
    }
    if (view.kind === 'kubeconfig') add('kubeconfig', member);
    if (view.clusterId !== null && context.clusters && !context.clusters.has(view.clusterId)) {
      add('orphaned', member);
    }
    if (view.family === 'ext' && !view.enabled) add('disabled', member);
    add(view.hasSecret ? 'held' : 'elsewhere', member);
  }
  return {
    serverId: context.serverId,
    serverName: context.serverName,
    tokenCount,
    usageUnknown,
    members,
  };
}

/** Kubeconfig tokens per cluster, largest first (null: not scoped). */
export function countByCluster(
  members: readonly HygieneMember[],
): Array<{ clusterId: string | null; clusterName: string | null; count: number }> {
  const counts = new Map<string | null, { clusterName: string | null; count: number }>();
  for (const m of members) {
    const entry = counts.get(m.clusterId);
    if (entry) entry.count++;
    else counts.set(m.clusterId, { clusterName: m.clusterName, count: 1 });
  }
  return [...counts]
    .map(([clusterId, { clusterName, count }]) => ({ clusterId, clusterName, count }))
    .sort((a, b) => b.count - a.count || String(a.clusterId).localeCompare(String(b.clusterId)));
}
