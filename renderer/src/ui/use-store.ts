import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';

/**
 * Reads `read()` and re-renders the caller when a notification from `subscribe` changes what it
 * returns (compared with `Object.is`). `subscribe` must be stable (a store's or the tick's own).
 *
 * What `useSyncExternalStore` does, with less work on the way in: Preact's compat version adds a
 * layout effect to every caller that runs in the commit, and zustand's `useStore` wraps it (and
 * imports compat as a whole, so the bundle kept all of compat: ~1.7 KiB gzip). Here a caller
 * costs one state and one effect; the effect subscribes after the first paint and catches up at
 * once with any change made between the render and then. Preact renders synchronously, so the
 * tearing the layout effect guards against in React cannot happen between render and commit.
 */
export function useExternal<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  const value = read();
  const [, rerender] = useState(0);
  const shown = useRef({ value, read });
  // What this render showed, for the listener to compare with. Written during render on purpose:
  // Preact commits what it renders synchronously, so no render is ever thrown away.
  // eslint-disable-next-line react-hooks/refs
  shown.current = { value, read };
  useEffect(() => {
    const check = () => {
      const { value: was, read: latest } = shown.current;
      let changed: boolean;
      try {
        changed = !Object.is(latest(), was);
      } catch {
        changed = true; // let the render throw it where an error boundary can see it
      }
      if (changed) rerender((n) => n + 1);
    };
    check();
    return subscribe(check);
  }, [subscribe]);
  return value;
}

/** zustand's `useStore(store, selector)`: the selected part of `store`, kept current. */
export function useStore<S, U = S>(store: StoreApi<S>, selector?: (state: S) => U): U {
  return useExternal(store.subscribe, () =>
    selector ? selector(store.getState()) : (store.getState() as unknown as U),
  );
}
