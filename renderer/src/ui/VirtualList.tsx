import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Rows rendered beyond the viewport on either side, so a scroll shows rows already there. */
const OVERSCAN = 4;

/** The rows to render for a scroll position: [start, end) with `overscan` rows either side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = OVERSCAN,
): { start: number; end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start: Math.min(start, end), end };
}

/**
 * The number of row slots a window of `viewportHeight` can need: the rows in view, one partly
 * scrolled in, and the overscan either side. `index % slots` is unique within any window.
 */
export function slotCount(viewportHeight: number, rowHeight: number, overscan = OVERSCAN): number {
  if (rowHeight <= 0) return 1;
  return Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1 + 2 * overscan;
}

/**
 * A fixed-row-height window over `count` rows: only the rows in view (plus a few) are in the DOM,
 * so 10,000 keys cost what 40 do. Positioning uses style props (CSSOM, allowed by the CSP).
 *
 * `renderRow` gets the row's slot besides its index: a caller that keys rows by slot (with the
 * row's identity as a prop) has Preact reuse the ~30 row components and their DOM when a search
 * replaces every visible row, and update one slot per row scrolled, instead of remounting.
 */
export function VirtualList({
  count,
  rowHeight,
  renderRow,
  scrollToIndex,
  className,
  fallbackHeight,
  label,
}: {
  count: number;
  rowHeight: number;
  renderRow: (index: number, slot: number) => ReactNode;
  /** Scrolls so this row is in view whenever it changes. */
  scrollToIndex?: number | null;
  className?: string;
  /**
   * Viewport height until the browser has laid the list out (and in jsdom, which has no layout).
   * By default the window's height, which no scroller inside the window exceeds: the first paint
   * then has every row in view without the list measuring itself (see below).
   */
  fallbackHeight?: number;
  /**
   * For rows without controls: names the scroller as a region and makes it focusable, so it can
   * be scrolled from the keyboard.
   */
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // null until measured: the first render uses the fallback, which is larger than the list's own
  // height (the window's, with the page's header and toolbar above the list), so it already has
  // rows to spare below the fold and needs no overscan; the overscan comes with the measurement.
  const [measured, setHeight] = useState<number | null>(null);
  const height = measured ?? fallbackHeight ?? (window.innerHeight || 480);
  const overscan = measured === null ? 0 : OVERSCAN;

  // Measured when the browser has laid the page out (a ResizeObserver reports then), not read in
  // a layout effect: reading `clientHeight` there forced the whole page's first layout inside
  // React's commit and rendered the list twice before anything was painted.
  useEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (node.clientHeight > 0) setHeight(node.clientHeight);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const node = ref.current;
    if (!node || scrollToIndex == null || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < node.scrollTop) node.scrollTop = top;
    else if (top + rowHeight > node.scrollTop + height) node.scrollTop = top + rowHeight - height;
  }, [scrollToIndex, rowHeight, height]);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, count, overscan);
  const slots = Math.max(slotCount(height, rowHeight, overscan), end - start);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(renderRow(i, i % slots));

  return (
    <div
      ref={ref}
      className={className}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="virtual-list"
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <div className="virtual-spacer" style={{ height: count * rowHeight }}>
        <div className="virtual-window" style={{ transform: `translateY(${start * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
