import { describe, expect, it } from 'vitest';
import { clampBounds, windowStateSchema } from '../../../electron/main/window/window-bounds';

const primary = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right = { workArea: { x: 1920, y: 0, width: 1280, height: 1000 } };

describe('clampBounds', () => {
  it('keeps saved bounds unchanged when they fit on a display', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(clampBounds(saved, [primary, right])).toEqual(saved);
  });

  it('returns null when nothing was saved', () => {
    expect(clampBounds(null, [primary])).toBeNull();
  });

  it('returns null when there is no display', () => {
    expect(clampBounds({ x: 0, y: 0, width: 800, height: 600, maximized: false }, [])).toBeNull();
  });

  it('centres the window on the primary display when its monitor was unplugged', () => {
    const saved = { x: 4000, y: 200, width: 1000, height: 700, maximized: true };
    expect(clampBounds(saved, [primary])).toEqual({
      x: 460,
      y: 170,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('moves a window hanging off the edge fully onto the display it overlaps most', () => {
    const saved = { x: 2900, y: -50, width: 800, height: 600, maximized: false };
    expect(clampBounds(saved, [primary, right])).toEqual({
      x: 2400,
      y: 0,
      width: 800,
      height: 600,
      maximized: false,
    });
  });

  it('shrinks a window larger than the work area to fit it', () => {
    const saved = { x: 10, y: 10, width: 4000, height: 3000, maximized: false };
    expect(clampBounds(saved, [primary])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it('grows a window below the minimum size to the minimum', () => {
    const saved = { x: 10, y: 10, width: 100, height: 100, maximized: false };
    expect(clampBounds(saved, [primary])).toMatchObject({ width: 760, height: 480 });
  });
});

describe('windowStateSchema', () => {
  it('rejects a file whose size is not a positive integer', () => {
    expect(windowStateSchema.safeParse({ x: 0, y: 0, width: -5, height: 10 }).success).toBe(false);
  });

  it('defaults maximized to false when an older file lacks it', () => {
    expect(windowStateSchema.parse({ x: 1, y: 2, width: 800, height: 600 }).maximized).toBe(false);
  });
});
