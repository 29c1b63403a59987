import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../electron/core/app-failure';
import { setup } from './setup';

const DAY = 86_400_000;
const input = {
  serverId: 's1',
  description: 'app',
  labels: [],
  expiry: { kind: 'duration' as const, ms: 30 * DAY },
  clusterId: null,
  family: 'v3' as const,
};

describe('deletes under races and failures', () => {
  it('does not bring a key back when a refresh that started before its delete finishes after it', async () => {
    const t = await setup();
    const { key } = await t.keys.create(input);
    // The server's list is fetched now (with the key) but answered only after the delete.
    const honest = t.rancher.servers.clientFor.bind(t.rancher.servers);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    let listing!: () => void;
    const listed = new Promise<void>((resolve) => (listing = resolve));
    t.rancher.servers.clientFor = (id) => {
      const client = honest(id);
      return {
        ...client,
        async listTokens() {
          const tokens = await client.listTokens();
          listing();
          await held;
          return tokens;
        },
      };
    };
    const refreshing = t.keys.refresh('s1');
    await listed;
    t.rancher.servers.clientFor = honest;
    const deleted = await t.keys.delete({ serverId: 's1', keyIds: [key.id] });
    expect(deleted.results[0]?.outcome).toBe('revoked');
    answer();
    await refreshing;
    expect(t.keys.list({ serverId: 's1' }).keys.map((k) => k.id)).not.toContain(key.id);
  });

  it('says the key was revoked, and finishes the clean-up later, when only the local part fails', async () => {
    const t = await setup();
    const { key } = await t.keys.create(input);
    const realDelete = t.secrets.delete.bind(t.secrets);
    t.secrets.delete = () =>
      Promise.reject(new AppFailure('keychain_unavailable', 'The keychain cannot be reached.'));
    const deleted = await t.keys.delete({ serverId: 's1', keyIds: [key.id] });
    expect(deleted.results[0]?.outcome).toBe('revoked');
    expect(deleted.results[0]?.message).toMatch(/revoked on Example, but .*could not finish/);
    expect([...t.rancher.tokens.values()].map((e) => e.token.name)).not.toContain(key.id);
    t.secrets.delete = realDelete;
    await t.keys.refresh('s1');
    expect(t.keys.list({ serverId: 's1' }).keys.map((k) => k.id)).not.toContain(key.id);
    expect([...t.secrets.snapshot().keys()].some((a) => a.endsWith(`/${key.id}`))).toBe(false);
  });
});
