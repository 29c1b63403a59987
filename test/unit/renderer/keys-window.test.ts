import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Input, Output } from '../../../electron/contract/ipc';
import type { KeyView } from '../../../electron/contract/keys';
import { createKeysStore, FIRST_WINDOW } from '../../../renderer/src/keys/keys-store';
import { createFakeApi, makeKey } from './fake-api';

const keysOf = (count: number, prefix = 'token') =>
  Array.from({ length: count }, (_, i) => makeKey({ id: `${prefix}-${i}` }));

/**
 * Stands in for main's `keys:list` with windows as the core gives them (offset, limit, total,
 * revision); `gate` holds every answer after the first until released.
 */
function windowedList(initial: KeyView[]) {
  let keys = initial;
  let revision = 1;
  let release: (() => void) | null = null;
  let held = false;
  let calls = 0;
  return {
    setKeys(next: KeyView[]) {
      keys = next;
      revision++;
    },
    holdAfterFirst() {
      held = true;
    },
    release() {
      held = false;
      release?.();
    },
    handler: async (input: Input<'keys:list'>): Promise<Output<'keys:list'>> => {
      calls++;
      if (held && calls > 1) await new Promise<void>((resolve) => (release = resolve));
      const offset = input.offset ?? 0;
      return {
        serverId: input.serverId ?? null,
        keys: keys.slice(offset, input.limit === undefined ? undefined : offset + input.limit),
        total: keys.length,
        revision,
        refreshedAt: null,
        stale: false,
      };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keys store: a long list in two parts', () => {
  it('shows the first screen before the rest of a long list arrives, then every key in order', async () => {
    const list = windowedList(keysOf(1_000));
    list.holdAfterFirst();
    const fake = createFakeApi({ 'keys:list': list.handler });
    const store = createKeysStore(fake.api);
    const loading = store.load('s1');
    await settle();
    expect(store.store.getState()).toMatchObject({ status: 'ready', total: 1_000 });
    expect(store.store.getState().keys).toHaveLength(FIRST_WINDOW);
    list.release();
    await loading;
    expect(store.store.getState().keys.map((k) => k.id)).toEqual(keysOf(1_000).map((k) => k.id));
    expect(store.store.getState().total).toBe(1_000);
    expect(fake.callsTo('keys:list')).toEqual([
      { serverId: 's1', includeSystem: false, limit: FIRST_WINDOW },
      { serverId: 's1', includeSystem: false, offset: FIRST_WINDOW },
    ]);
  });

  it('takes the list whole when it changed between the two parts', async () => {
    const list = windowedList(keysOf(500, 'old'));
    list.holdAfterFirst();
    const fake = createFakeApi({ 'keys:list': list.handler });
    const store = createKeysStore(fake.api);
    const loading = store.load('s1');
    await settle();
    list.setKeys(keysOf(450, 'new'));
    list.release();
    await loading;
    expect(store.store.getState().keys.map((k) => k.id)).toEqual(
      keysOf(450, 'new').map((k) => k.id),
    );
    expect(fake.callsTo('keys:list')).toHaveLength(3);
  });

  it('reloads a list already shown in one call, so the table never shrinks to a screen', async () => {
    const list = windowedList(keysOf(600));
    const fake = createFakeApi({ 'keys:list': list.handler });
    const store = createKeysStore(fake.api);
    await store.load('s1');
    list.holdAfterFirst();
    const reloading = store.load('s1', { quiet: true });
    await settle();
    expect(store.store.getState().keys).toHaveLength(600);
    list.release();
    await reloading;
    expect(fake.callsTo('keys:list').at(-1)).toEqual({ serverId: 's1', includeSystem: false });
  });

  it('drops the rest of a list when the user has moved to another server meanwhile', async () => {
    const list = windowedList(keysOf(700));
    list.holdAfterFirst();
    const other = windowedList(keysOf(3, 'other'));
    const fake = createFakeApi({
      'keys:list': (input) =>
        input.serverId === 's2' ? other.handler(input) : list.handler(input),
    });
    const store = createKeysStore(fake.api);
    const first = store.load('s1');
    await settle();
    await store.load('s2');
    list.release();
    await first;
    expect(store.store.getState()).toMatchObject({ serverId: 's2', total: 3 });
    expect(store.store.getState().keys.map((k) => k.id)).toEqual(['other-0', 'other-1', 'other-2']);
  });

  it('asks for the rest only once the first rows are painted', async () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (frame: () => void) => frames.push(frame));
    const list = windowedList(keysOf(1_000));
    const fake = createFakeApi({ 'keys:list': list.handler });
    const store = createKeysStore(fake.api);
    const loading = store.load('s1');
    await settle();
    expect(store.store.getState().keys).toHaveLength(FIRST_WINDOW);
    expect(fake.callsTo('keys:list')).toHaveLength(1);
    // The frame that shows the first rows; the rest is asked for after its paint.
    frames.shift()?.();
    await loading;
    expect(fake.callsTo('keys:list')).toHaveLength(2);
    expect(store.store.getState().keys).toHaveLength(1_000);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});
