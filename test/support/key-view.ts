import type { KeyView } from '../../electron/contract/keys';

/** A KeyView as `keys:list` returns it: an active v3 API key with a stored secret, unless overridden. */
export function keyView(id: string, overrides: Partial<KeyView> = {}): KeyView {
  return {
    id,
    name: id.replace(/^ext\//, ''),
    family: 'v3',
    kind: 'api_key',
    description: '',
    labels: [],
    clusterId: null,
    clusterName: null,
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    ttlMs: null,
    enabled: true,
    state: 'active',
    hasSecret: true,
    isSignInCredential: false,
    preview: null,
    snoozedUntil: null,
    revokeAt: null,
    handle: id,
    isDefault: false,
    ...overrides,
  };
}
