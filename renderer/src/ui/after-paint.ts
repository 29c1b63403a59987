/** The longest {@link afterPaint} waits: a hidden window paints no frames. */
const PAINT_WAIT_CAP_MS = 100;

/**
 * Resolves once the browser has painted what was just committed: a timer queued from the next
 * animation frame runs after that frame's paint. Without frames (a hidden window, Node) it
 * resolves after {@link PAINT_WAIT_CAP_MS} at most, or at once where there is no
 * `requestAnimationFrame` at all.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.requestAnimationFrame !== 'function') return resolve();
    const cap = setTimeout(resolve, PAINT_WAIT_CAP_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(cap);
        resolve();
      }, 0),
    );
  });
}
