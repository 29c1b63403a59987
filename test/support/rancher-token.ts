import type { RancherToken } from '../../electron/core/rancher/rancher-client';

/**
 * A listed v3 API key as the Rancher client gives it (the fields the core reads), for tests of the
 * key records, merges, views and the cache file; `over` sets what a test is about.
 */
export const rancherToken = (name: string, over: Partial<RancherToken> = {}): RancherToken => ({
  family: 'v3',
  name,
  kind: 'api_key',
  description: name,
  userId: 'user-abc12',
  clusterId: null,
  createdAt: '2025-01-01T00:00:00Z',
  lastUsedAt: null,
  expiresAt: '2025-03-01T00:00:00Z',
  ttlMs: 5_097_600_000,
  enabled: true,
  expired: false,
  ...over,
});
