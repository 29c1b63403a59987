import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/main/e2e/manual-clock';

describe('createManualClock', () => {
  it('fires due timers in order, each seeing its own instant, when advanced', () => {
    const clock = createManualClock(1_000);
    const fired: Array<[string, number]> = [];
    clock.setTimer(() => fired.push(['late', clock.now()]), 300);
    clock.setTimer(() => fired.push(['early', clock.now()]), 100);
    clock.setTimer(() => fired.push(['never', clock.now()]), 10_000);
    clock.advance(500);
    expect(fired).toEqual([
      ['early', 1_100],
      ['late', 1_300],
    ]);
    expect(clock.now()).toBe(1_500);
  });

  it('fires a timer armed by another timer when it falls within the same advance', () => {
    const clock = createManualClock(0);
    const fired: number[] = [];
    clock.setTimer(() => clock.setTimer(() => fired.push(clock.now()), 50), 50);
    clock.advance(200);
    expect(fired).toEqual([100]);
  });

  it('does not fire a cancelled timer', () => {
    const clock = createManualClock(0);
    let fired = false;
    const cancel = clock.setTimer(() => (fired = true), 10);
    cancel();
    clock.advance(100);
    expect(fired).toBe(false);
  });
});
