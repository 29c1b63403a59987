import { act, cleanup, render, screen } from './testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStores } from '../../../renderer/src/app-stores';
import { Countdown } from '../../../renderer/src/ui/Countdown';
import { StoresContext } from '../../../renderer/src/ui/stores-context';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi } from './fake-api';

afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

describe('Countdown', () => {
  it('ticks on its own, re-rendering only when its text changes', () => {
    vi.useFakeTimers();
    let now = Date.parse('2030-01-01T00:00:00Z');
    const tick = createTick(1_000, () => now);
    const stores = createAppStores(createFakeApi().api, tick);
    let renders = 0;
    function Probe() {
      renders++;
      return <Countdown expiresAt="2030-01-01T00:02:30Z" />;
    }
    render(
      <StoresContext.Provider value={stores}>
        <Probe />
      </StoresContext.Provider>,
    );
    expect(screen.getByRole('time', { hidden: true }).textContent).toBe('in 2m');
    now += 10_000;
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('time', { hidden: true }).textContent).toBe('in 2m');
    now += 60_000;
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('time', { hidden: true }).textContent).toBe('in 1m');
    now += 100_000;
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('time', { hidden: true }).textContent).toBe('expired 20s ago');
    expect(renders).toBe(1);
  });
});
