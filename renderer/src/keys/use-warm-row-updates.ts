import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Warms the rows' update path once, when the browser is first idle after rows are shown: returns
 * an offset the table adds to each row's index, which goes 1, 2, 3 and straight back to 0 in one
 * task (synchronous renders, no paint in between, so nothing is seen or announced).
 *
 * Why: the first keystroke that replaces the visible rows ran React's update of ~30 rows for the
 * first time, in V8's interpreter (mounting them used other code), and took 15–35 ms against
 * 2–5 ms for the next ones (bench/RESULTS.md). After this, it runs compiled code.
 * Only where `requestIdleCallback` exists (browsers): nothing runs in the component tests.
 */
const WARM_PASSES = 3;

export function useWarmRowUpdates(rowsShown: boolean): number {
  const [offset, setOffset] = useState(0);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !rowsShown || typeof globalThis.requestIdleCallback !== 'function') {
      return;
    }
    done.current = true;
    const handle = requestIdleCallback(() => {
      // A few passes, so V8 compiles the update path with its optimising tiers, not only once.
      for (let pass = 1; pass <= WARM_PASSES; pass++) flushSync(() => setOffset(pass));
      flushSync(() => setOffset(0));
    });
    return () => {
      cancelIdleCallback(handle);
      done.current = false;
    };
  }, [rowsShown]);
  return offset;
}
