import { describe, expect, it } from 'vitest';
import type { HygieneGroupId } from '../../../../electron/contract/hygiene';
import {
  countByCluster,
  groupServerTokens,
  type GroupingContext,
} from '../../../../electron/core/hygiene/hygiene-groups';
import { keyView } from '../../../support/key-view';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const context: GroupingContext = {
  serverId: 's1',
  serverName: 'prod',
  now: NOW,
  unusedDays: 90,
  clusters: new Map([['c-m-live0001', 'prod-eu']]),
};

function groupsOf(result: ReturnType<typeof groupServerTokens>, keyId: string): HygieneGroupId[] {
  return [...result.members]
    .filter(([, members]) => members.some((m) => m.keyId === keyId))
    .map(([id]) => id);
}

describe('groupServerTokens', () => {
  const used = iso(NOW - DAY);
  const views = [
    keyView('token-expd1', { state: 'expired', expiresAt: iso(NOW - DAY), lastUsedAt: used }),
    keyView('token-never', { lastUsedAt: null, expiresAt: iso(NOW + DAY), ttlMs: DAY }),
    keyView('token-stale', { lastUsedAt: iso(NOW - 200 * DAY), expiresAt: iso(NOW + DAY) }),
    keyView('token-fresh', { lastUsedAt: used, expiresAt: iso(NOW + DAY), ttlMs: DAY }),
    keyView('token-forev', { lastUsedAt: used, hasSecret: false }),
    keyView('kubeconfig-u-1abcde', {
      kind: 'kubeconfig',
      lastUsedAt: used,
      expiresAt: iso(NOW + DAY),
      hasSecret: false,
      clusterId: 'c-m-live0001',
    }),
    keyView('kubeconfig-u-1.c-m-gone0001xyzab', {
      kind: 'kubeconfig',
      lastUsedAt: used,
      expiresAt: iso(NOW + DAY),
      hasSecret: false,
      clusterId: 'c-m-gone0001',
    }),
    keyView('ext/token-dis01', {
      family: 'ext',
      enabled: false,
      state: 'disabled',
      lastUsedAt: used,
      expiresAt: iso(NOW + DAY),
    }),
    keyView('token-signi', { isSignInCredential: true, lastUsedAt: null }),
    keyView('token-gone1', { state: 'revoked', lastUsedAt: null }),
    keyView('token-pend1', { state: 'pending_revocation', lastUsedAt: null }),
  ];
  const result = groupServerTokens(views, context);

  it('puts each token in every group it belongs to when it matches several', () => {
    expect(groupsOf(result, 'token-expd1')).toEqual(['expired', 'held']);
    expect(groupsOf(result, 'token-never')).toEqual(['never_used', 'held']);
    expect(groupsOf(result, 'token-stale')).toEqual(['unused', 'held']);
    expect(groupsOf(result, 'token-fresh')).toEqual(['held']);
    expect(groupsOf(result, 'token-forev')).toEqual(['never_expires', 'elsewhere']);
    expect(groupsOf(result, 'kubeconfig-u-1abcde')).toEqual(['kubeconfig', 'elsewhere']);
    expect(groupsOf(result, 'kubeconfig-u-1.c-m-gone0001xyzab')).toEqual([
      'kubeconfig',
      'orphaned',
      'elsewhere',
    ]);
    expect(groupsOf(result, 'ext/token-dis01')).toEqual(['disabled', 'held']);
  });

  it('never puts the sign-in credential, or tokens already gone or pending, in a group', () => {
    for (const id of ['token-signi', 'token-gone1', 'token-pend1']) {
      expect(groupsOf(result, id)).toEqual([]);
    }
    expect(result.tokenCount).toBe(8);
  });

  it('names the cluster of a member when the server still has it', () => {
    const kube = result.members.get('kubeconfig') ?? [];
    expect(kube.map((m) => m.clusterName)).toEqual(['prod-eu', null]);
    expect(countByCluster(kube)).toEqual([
      { clusterId: 'c-m-gone0001', clusterName: null, count: 1 },
      { clusterId: 'c-m-live0001', clusterName: 'prod-eu', count: 1 },
    ]);
  });

  it('calls no token orphaned when the cluster list could not be read', () => {
    const unknown = groupServerTokens(views, { ...context, clusters: null });
    expect(unknown.members.get('orphaned')).toEqual([]);
  });

  it('leaves usage groups empty when the server reports no last use at all (Rancher ≤2.9)', () => {
    const old = groupServerTokens(
      views.map((v) => ({ ...v, lastUsedAt: null })),
      context,
    );
    expect(old.usageUnknown).toBe(true);
    expect(old.members.get('never_used')).toEqual([]);
    expect(old.members.get('unused')).toEqual([]);
    expect(result.usageUnknown).toBe(false);
  });

  it('follows the unused-days setting when it changes', () => {
    const strict = groupServerTokens(views, { ...context, unusedDays: 1 });
    expect(strict.members.get('unused')?.map((m) => m.keyId)).toContain('token-stale');
    const lax = groupServerTokens(views, { ...context, unusedDays: 365 });
    expect(lax.members.get('unused')).toEqual([]);
  });
});
