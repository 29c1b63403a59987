import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { useExternal, useStore } from '../../../renderer/src/ui/use-store';
import { act, cleanup, render, screen } from './testing-library';

afterEach(async () => {
  await cleanup();
});

describe('useStore', () => {
  it('re-renders when its part of the store changes, and only then', () => {
    const store = createStore(() => ({ a: 1, b: 1 }));
    let renders = 0;
    function A() {
      renders++;
      return <p>{useStore(store, (s) => s.a)}</p>;
    }
    render(<A />);
    expect(screen.getByText('1')).toBeTruthy();
    act(() => store.setState({ b: 2 }));
    expect(renders).toBe(1);
    act(() => store.setState({ a: 5 }));
    expect(screen.getByText('5')).toBeTruthy();
    expect(renders).toBe(2);
  });

  it('shows a change made after its render but before it subscribed', () => {
    // A child's layout effect runs after the parent rendered and before the parent's effects:
    // no notification reaches a listener added later, so the parent must look again.
    const store = createStore(() => ({ n: 0 }));
    function Child() {
      useLayoutEffect(() => store.setState({ n: 7 }), []);
      return null;
    }
    function Parent() {
      const n = useStore(store, (s) => s.n);
      return (
        <p data-testid="n">
          {n}
          <Child />
        </p>
      );
    }
    render(<Parent />);
    expect(screen.getByTestId('n').textContent).toBe('7');
  });

  it('reads the whole state without a selector', () => {
    const store = createStore(() => ({ word: 'one' }));
    function A() {
      return <p>{useStore(store).word}</p>;
    }
    render(<A />);
    act(() => store.setState({ word: 'two' }));
    expect(screen.getByText('two')).toBeTruthy();
  });
});

describe('useExternal', () => {
  it('subscribes once, and unsubscribes when the component goes', () => {
    const listeners = new Set<() => void>();
    let subscribed = 0;
    const subscribe = (listener: () => void) => {
      subscribed++;
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    let value = 'x';
    function A() {
      return <p>{useExternal(subscribe, () => value)}</p>;
    }
    const view = render(<A />);
    expect(listeners.size).toBe(1);
    value = 'y';
    act(() => listeners.forEach((l) => l()));
    expect(screen.getByText('y')).toBeTruthy();
    expect(subscribed).toBe(1);
    act(() => view.unmount());
    expect(listeners.size).toBe(0);
  });
});
