import { z } from 'zod';

/** The window's last size and position, as saved in userData. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest window the layout supports (also `minWidth`/`minHeight` of the window). */
export const minWindowSize = { width: 760, height: 480 } as const;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) =>
  Math.max(low, Math.min(value, Math.max(low, high)));

/**
 * Fits saved bounds to the displays present now: the window goes on the display it overlaps most,
 * shrunk to that display's work area and moved fully inside it. When it overlaps none (a monitor
 * was unplugged) it is centred on the first (primary) display. Null when nothing was saved or
 * there is no display, so the window opens with its defaults.
 */
export function clampBounds(
  saved: WindowState | null,
  displays: ReadonlyArray<{ workArea: Rect }>,
): WindowState | null {
  if (!saved || displays.length === 0) return null;
  let best: Rect | null = null;
  let bestArea = 0;
  for (const { workArea } of displays) {
    const area = overlap(saved, workArea);
    if (area > bestArea) {
      best = workArea;
      bestArea = area;
    }
  }
  const area = best ?? displays[0]!.workArea;
  const width = Math.min(Math.max(saved.width, minWindowSize.width), area.width);
  const height = Math.min(Math.max(saved.height, minWindowSize.height), area.height);
  if (!best) {
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      maximized: saved.maximized,
    };
  }
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}
