import { describe, expect, it } from 'vitest';
import type { ExpiryWarning } from '../../../electron/contract/app';
import { createManualClock } from '../../../electron/main/e2e/manual-clock';
import { createNotificationBatcher } from '../../../electron/main/notifications/notification-batcher';

function warning(keyId: string, thresholdMs = 86_400_000): ExpiryWarning {
  return {
    serverId: 's1',
    serverName: 'Prod',
    keyId,
    description: '',
    expiresAt: '2026-03-02T00:00:00.000Z',
    thresholdMs,
    subject: 'key',
  };
}

function setup() {
  const clock = createManualClock(0);
  const batches: string[][] = [];
  const batcher = createNotificationBatcher({
    windowMs: 1_000,
    setTimer: (callback, ms) => clock.setTimer(callback, ms),
    deliver: (batch) => batches.push(batch.map((w) => `${w.keyId}@${w.thresholdMs}`)),
  });
  return { clock, batches, batcher };
}

describe('createNotificationBatcher', () => {
  it('delivers warnings that arrive within the window as one batch', () => {
    const { clock, batches, batcher } = setup();
    batcher.add(warning('a'));
    clock.advance(400);
    batcher.add(warning('b'));
    expect(batches).toEqual([]);
    clock.advance(600);
    expect(batches).toEqual([['a@86400000', 'b@86400000']]);
  });

  it('starts a new batch after the window has closed', () => {
    const { clock, batches, batcher } = setup();
    batcher.add(warning('a'));
    clock.advance(1_000);
    batcher.add(warning('b'));
    clock.advance(1_000);
    expect(batches).toEqual([['a@86400000'], ['b@86400000']]);
  });

  it('drops a repeated warning for the same key and threshold, but not another threshold', () => {
    const { clock, batches, batcher } = setup();
    batcher.add(warning('a'));
    batcher.add(warning('a'));
    clock.advance(1_000);
    batcher.add(warning('a'));
    batcher.add(warning('a', 0));
    clock.advance(1_000);
    expect(batches).toEqual([['a@86400000'], ['a@0']]);
  });

  it('delivers nothing after cancel', () => {
    const { clock, batches, batcher } = setup();
    batcher.add(warning('a'));
    batcher.cancel();
    clock.advance(5_000);
    expect(batches).toEqual([]);
  });
});
