import { describe, expect, it } from 'vitest';
import type { CrashStep } from '../../../../electron/core/keys/key-context';
import { createKeyService } from '../../../../electron/core/keys/key-service';
import { setup } from './setup';

const DAY = 86_400_000;

/**
 * A key service whose next create or renew, once armed, pauses at `step` until released: the
 * window in which the user edits labels while the operation runs.
 */
async function withPause(step: CrashStep) {
  const t = await setup();
  let gate: { reached: () => void; go: Promise<void> } | null = null;
  const keys = createKeyService({
    ...t.deps,
    crashPoint: async (s) => {
      if (s !== step || !gate) return;
      const current = gate;
      gate = null;
      current.reached();
      await current.go;
    },
  });
  await keys.start();
  function arm() {
    let release!: () => void;
    let reached!: () => void;
    const atStep = new Promise<void>((resolve) => (reached = resolve));
    gate = { reached, go: new Promise<void>((resolve) => (release = resolve)) };
    return { atStep, release };
  }
  return { t, keys, arm };
}

const input = {
  serverId: 's1',
  description: 'app',
  expiry: { kind: 'duration' as const, ms: 30 * DAY },
  clusterId: null,
  family: 'v3' as const,
};

describe('label edits during create and renew', () => {
  it('gives the new key the labels set on the old key while the renew ran', async () => {
    const { keys, arm } = await withPause('name-recorded');
    const { key } = await keys.create({ ...input, labels: ['team-a'] });
    const pause = arm();
    const renewing = keys.renew({ serverId: 's1', keyId: key.id, revokeOldAfterMs: 3_600_000 });
    await pause.atStep;
    const edited = await keys.setLabels({ serverId: 's1', keyId: key.id, labels: ['team-b'] });
    expect(edited.labels).toEqual(['team-b']);
    pause.release();
    const renewed = await renewing;
    expect(renewed.key.labels).toEqual(['team-b']);
  });

  it('keeps a label set on the new key while its create was still being stored', async () => {
    const { keys, arm } = await withPause('secret-stored');
    const pause = arm();
    const creating = keys.create({ ...input, labels: ['from-dialog'] });
    await pause.atStep;
    // A refresh lists the new key before its record is written; the user labels it.
    await keys.refresh('s1');
    const listed = keys.list({ serverId: 's1' }).keys.find((k) => k.description === 'app');
    expect(listed).toBeDefined();
    await keys.setLabels({ serverId: 's1', keyId: listed!.id, labels: ['added-meanwhile'] });
    pause.release();
    const { key } = await creating;
    expect(key.labels.sort()).toEqual(['added-meanwhile', 'from-dialog']);
  });

  it('still revokes the old key when a renew stops right after its journal entry is cleared', async () => {
    const t = await setup();
    const crashing = createKeyService({
      ...t.deps,
      crashPoint: (s) => {
        if (s === 'journal-cleared') throw new Error('simulated crash');
      },
    });
    await crashing.start();
    const { key } = await t.keys.create({ ...input, labels: [] });
    await crashing.start();
    await expect(
      crashing.renew({ serverId: 's1', keyId: key.id, revokeOldAfterMs: 0 }),
    ).rejects.toThrow('simulated crash');
    crashing.stop();
    // The next start: nothing in the journal, so only the key document can say the old key must go.
    const restarted = createKeyService(t.deps);
    await restarted.start();
    await restarted.refresh('s1');
    await restarted.idle();
    expect([...t.rancher.tokens.values()].map((e) => e.token.name)).not.toContain(key.id);
    restarted.stop();
  });
});
