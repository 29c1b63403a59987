import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createKeyService } from '../../../../electron/core/keys/key-service';
import type { CrashStep } from '../../../../electron/core/keys/key-context';
import { setup } from './setup';

const steps: CrashStep[] = [
  'journal-intent',
  'server-created',
  'name-recorded',
  'secret-stored',
  'metadata-written',
  'journal-cleared',
];

class Crash extends Error {}

describe('create journal recovery', () => {
  it.each(steps)('leaves every server key stored or revoked after a crash at %s', async (step) => {
    const t = await setup();
    const crashing = createKeyService({
      ...t.deps,
      crashPoint: (s) => {
        if (s === step) throw new Crash(s);
      },
    });
    await crashing.start();
    await expect(
      crashing.create({
        serverId: 's1',
        description: 'crashy',
        labels: ['l'],
        expiry: { kind: 'max' },
        clusterId: null,
        family: 'v3',
      }),
    ).rejects.toBeInstanceOf(Crash);
    const restarted = createKeyService(t.deps);
    await restarted.start();
    for (const { token, secret } of t.rancher.tokens.values()) {
      const stored = t.secrets.snapshot().get(`https://rancher.example.com/${token.name}`);
      expect(stored).toBe(`${token.name}:${secret}`);
      await restarted.refresh('s1');
      expect(
        restarted.list({ serverId: 's1' }).keys.find((k) => k.id === token.name),
      ).toMatchObject({
        hasSecret: true,
        labels: ['l'],
      });
    }
    const journal = await t.metadata.read(
      'key-journal',
      z.object({ entries: z.array(z.unknown()) }),
      { entries: [] },
    );
    expect(journal.entries).toEqual([]);
  });

  it('revokes the key whose secret never reached the keychain when the crash came first', async () => {
    const t = await setup();
    const crashing = createKeyService({
      ...t.deps,
      crashPoint: (s) => {
        if (s === 'server-created') throw new Crash(s);
      },
    });
    await crashing.start();
    await crashing
      .create({
        serverId: 's1',
        description: 'x',
        labels: [],
        expiry: { kind: 'max' },
        clusterId: null,
        family: 'ext',
      })
      .catch(() => undefined);
    expect(t.rancher.tokens.size).toBe(1);
    const actions = await createKeyService(t.deps).start();
    expect(actions).toHaveLength(1);
    expect(actions[0]?.action).toBe('revoked');
    expect(t.rancher.tokens.size).toBe(0);
  });
});
