/**
 * Testing Library for the renderer's component tests, which run on Preact through preact/compat
 * as the bundle does (vitest.config.ts aliases react to it). Two differences from React's Testing
 * Library are made up for here, once:
 *
 * - `fireEvent` is @testing-library/dom's own (still run inside Preact's `act`, the event wrapper
 *   @testing-library/preact configures): that package's version renames every `change` to `input`
 *   under compat, so a `change` on a <select> or a checkbox never reached its handler, though a
 *   browser fires `change` there. Text fields listen for `input` (compat's `onChange`), which a
 *   browser fires on every keystroke: tests type into them with `fireEvent.input`.
 * - An awaited query (`findBy…`, `waitFor`) resolves only once Preact's effects have run. Preact
 *   runs them after the next frame (a requestAnimationFrame, or 35 ms at most); React's test
 *   environment runs them before the query resolves. Without this a test clicked in the frame
 *   between a render and its effects: before a list subscribed to its store, before a dialog
 *   moved focus, which no person can do.
 * - `act` with a synchronous callback returns nothing: Preact's has rendered and run the effects
 *   before it returns, as React's does (its promise is for asynchronous callbacks).
 * - `cleanup` unmounts and then lets that frame pass too, so no Preact timer of one test file
 *   fires after its jsdom is gone (it threw "cancelAnimationFrame is not defined"). Await it.
 */
import { configure, fireEvent } from '@testing-library/dom';
import { act as preactAct, cleanup as unmountAll } from '@testing-library/preact';

/** Longer than Preact's longest wait for a frame (35 ms) plus the task it then queues. */
const AFTER_PAINT_MS = 50;

/** Runs `cb` and flushes the renders and effects it caused; await it when `cb` is asynchronous. */
export function act(cb: () => Promise<unknown>): Promise<void>;
export function act(cb: () => void): void;
export function act(cb: () => unknown): Promise<void> | undefined {
  let asynchronous = false as boolean;
  const done = preactAct(() => {
    const result = cb();
    asynchronous = result instanceof Promise;
    return result as void | Promise<void>;
  });
  return asynchronous ? done : undefined;
}

const afterPaint = () => new Promise<void>((resolve) => setTimeout(resolve, AFTER_PAINT_MS));

configure({
  asyncWrapper: async (cb) => {
    const result: unknown = await cb();
    await act(afterPaint);
    return result;
  },
});

/** Unmounts everything rendered, and returns once the effects and cleanups that queued have run. */
export function cleanup(): Promise<void> {
  return act(() => {
    unmountAll();
    return afterPaint();
  });
}

export { render, renderHook, screen, waitFor, within } from '@testing-library/preact';
export { fireEvent };
