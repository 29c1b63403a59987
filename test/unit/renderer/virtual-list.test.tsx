import { act, cleanup, fireEvent, render, screen } from './testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList, visibleRange } from '../../../renderer/src/ui/VirtualList';

afterEach(async () => {
  await cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 360, 36, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(36 * 100, 360, 36, 10_000, 5)).toEqual({ start: 95, end: 116 });
    expect(visibleRange(36 * 9_995, 360, 36, 10_000, 5)).toEqual({ start: 9_990, end: 10_000 });
  });

  it('is empty for an empty list', () => {
    expect(visibleRange(0, 360, 36, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('VirtualList', () => {
  it('renders only a window of 10,000 rows and moves it on scroll', () => {
    render(
      <VirtualList
        count={10_000}
        rowHeight={36}
        fallbackHeight={360}
        renderRow={(i) => (
          <div key={i} data-testid="r">
            row {i}
          </div>
        )}
      />,
    );
    const rows = () => screen.getAllByTestId('r');
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]?.textContent).toBe('row 0');
    const list = screen.getByTestId('virtual-list');
    list.scrollTop = 36 * 5_000;
    fireEvent.scroll(list);
    expect(rows().some((r) => r.textContent === 'row 5000')).toBe(true);
    expect(rows().some((r) => r.textContent === 'row 0')).toBe(false);
    expect(rows().length).toBeLessThan(30);
  });
});

describe('VirtualList slots', () => {
  it('gives each row of a window a distinct slot, stable as the window scrolls', () => {
    render(
      <VirtualList
        count={1_000}
        rowHeight={36}
        fallbackHeight={360}
        renderRow={(i, slot) => (
          <div key={slot} data-testid="r" data-index={i} data-slot={slot}>
            row {i}
          </div>
        )}
      />,
    );
    const shown = () =>
      screen.getAllByTestId('r').map((r) => [Number(r.dataset.index), Number(r.dataset.slot)]);
    const before = new Map(shown() as Array<[number, number]>);
    expect(new Set(before.values()).size).toBe(before.size);
    const list = screen.getByTestId('virtual-list');
    list.scrollTop = 36 * 8;
    fireEvent.scroll(list);
    const after = shown();
    expect(after[0]?.[0]).toBeGreaterThan(0);
    expect(new Set(after.map(([, slot]) => slot)).size).toBe(after.length);
    // A row still in the window keeps its slot, so its component is not remounted.
    for (const [i, slot] of after) if (before.has(i!)) expect(slot).toBe(before.get(i!));
  });

  it('reuses the mounted row elements when every row is replaced, if keyed by slot', () => {
    const Rows = ({ offset }: { offset: number }) => (
      <VirtualList
        count={100}
        rowHeight={36}
        fallbackHeight={360}
        renderRow={(i, slot) => (
          <div key={slot} data-testid="r">
            row {i + offset}
          </div>
        )}
      />
    );
    const { rerender } = render(<Rows offset={0} />);
    const before = screen.getAllByTestId('r');
    rerender(<Rows offset={500} />);
    const after = screen.getAllByTestId('r');
    expect(after[0]?.textContent).toBe('row 500');
    expect(after).toEqual(before);
  });
});

describe('VirtualList sizing', () => {
  it('fills the window on its first render without measuring itself or overscanning, then takes the size the browser reports', () => {
    let report: (() => void) | null = null;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    // Reading a size inside React's commit makes the browser lay the whole page out right there.
    const height = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(0);
    render(
      <VirtualList
        count={1_000}
        rowHeight={36}
        renderRow={(i) => (
          <div key={i} data-testid="r">
            row {i}
          </div>
        )}
      />,
    );
    expect(height).not.toHaveBeenCalled();
    // Every row a window this tall can show and no more: the list is shorter than the window, so
    // these are more than it shows already; the overscan comes with the measured height.
    const inView = Math.ceil(window.innerHeight / 36) + 1;
    expect(screen.getAllByTestId('r')).toHaveLength(inView);

    height.mockReturnValue(360);
    act(() => report?.());
    expect(screen.getAllByTestId('r')).toHaveLength(Math.ceil(360 / 36) + 1 + 4);
  });
});
