import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../electron/contract/errors';
import type { Input, Output } from '../../../electron/contract/ipc';
import type { CopyFormat, KeyView } from '../../../electron/contract/keys';
import { ApiError, type Api } from '../api';
import { FIRST_KEYS_WINDOW } from '../../../electron/contract/constants';
import { afterPaint } from '../ui/after-paint';
import { toAppError } from '../ui/error-text';
import {
  compileQuery,
  defaultQuery,
  narrows,
  sortKeys,
  warmSearch,
  type KeyQuery,
  type SortColumn,
} from './key-query';

export interface KeysState {
  serverId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  keys: KeyView[];
  /**
   * Keys in the server's whole list. Above `keys.length` while the first screen is shown and the
   * rest of a long list is on its way.
   */
  total: number;
  refreshedAt: string | null;
  /** The list is the cached copy (the server could not be reached, or a refresh is under way). */
  stale: boolean;
  refreshing: boolean;
  error: AppError | null;
  /** Why the last refresh failed, if it did (the cached list is still shown). */
  refreshError: string | null;
  query: KeyQuery;
  /** Selected access keys (a record for O(1) lookups per row). */
  selected: Record<string, true>;
  /** The keyboard cursor row. */
  cursor: string | null;
  includeSystem: boolean;
  /** The key just copied (its Copy button says so for a moment). */
  copied: string | null;
}

/**
 * Rows asked for first when a server's list is shown afresh: a screen's worth and a scroll more,
 * so the table appears at once while the rest of a long list follows.
 */
export const FIRST_WINDOW = FIRST_KEYS_WINDOW;

/** A first window main has already sent (with the start answer): its rows, or why it failed. */
export type FirstKeys = NonNullable<Output<'app:start'>['keys']>;

/** How long a Copy button says "Copied ✓". */
export const COPIED_MS = 1_500;

const initial = (): KeysState => ({
  serverId: null,
  status: 'idle',
  keys: [],
  total: 0,
  refreshedAt: null,
  stale: false,
  refreshing: false,
  error: null,
  refreshError: null,
  query: defaultQuery,
  selected: {},
  cursor: null,
  includeSystem: false,
  copied: null,
});

/** Keys of the active server, the table's query and selection, and every key action. */
export function createKeysStore(api: Api) {
  const store = createStore<KeysState>()(initial);
  let generation = 0;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;

  function replaceKey(key: KeyView) {
    store.setState((s) => ({ keys: s.keys.map((k) => (k.id === key.id ? key : k)) }));
  }

  const actions = {
    store,
    /** The visible rows (filtered, searched, sorted); one memo shared by every component. */
    selectVisible: createVisibleKeysSelector(),
    /**
     * Shows `serverId`'s keys (cached at once, fresh when main has them). With `first`, the first
     * window main already sent is shown at once (in the caller's task, so it commits with whatever
     * else the caller shows) and only the rest is asked for.
     */
    async load(
      serverId: string | null,
      options: { quiet?: boolean; first?: FirstKeys } = {},
    ): Promise<void> {
      const mine = ++generation;
      const switching = store.getState().serverId !== serverId;
      if (switching) {
        store.setState({
          ...initial(),
          query: { ...store.getState().query, search: '', label: null },
          includeSystem: store.getState().includeSystem,
          serverId,
          status: serverId ? 'loading' : 'idle',
        });
      } else if (!options.quiet) {
        store.setState({ status: store.getState().keys.length ? 'ready' : 'loading' });
      }
      if (!serverId) return;
      const includeSystem = store.getState().includeSystem;
      const list = (window: { offset?: number; limit?: number } = {}) =>
        api.call('keys:list', { serverId, includeSystem, ...window });
      try {
        // A list shown afresh comes in two parts: the first screen, then the rest. A reload of a
        // list already shown comes whole, so the table never shrinks to its first screen.
        const fresh = store.getState().keys.length === 0;
        const given = options.first;
        if (given && !given.ok) throw new ApiError(given.error);
        const first = given ? given.value : await list(fresh ? { limit: FIRST_WINDOW } : {});
        if (mine !== generation) return;
        // For bench/renderer.bench.ts: the list has arrived; `rk:keys-rendered` follows.
        performance.mark('rk:keys-loaded');
        if (first.keys.length < first.total) {
          store.setState({
            status: 'ready',
            keys: first.keys,
            total: first.total,
            refreshedAt: first.refreshedAt,
            stale: first.stale,
            error: null,
          });
        }
        let out = first;
        if (first.keys.length < first.total) {
          // Asked once the first rows are on screen: main's answer (megabytes for a long list)
          // and its parsing here then do not compete with showing them.
          await afterPaint();
          if (mine !== generation) return;
          const rest = await list({ offset: first.keys.length });
          if (mine !== generation) return;
          // The list changed between the two parts (a refresh landed): take it whole instead.
          out =
            rest.revision === first.revision
              ? { ...rest, keys: first.keys.concat(rest.keys) }
              : await list();
          if (mine !== generation) return;
        }
        const ids = new Set(out.keys.map((k) => k.id));
        store.setState((s) => ({
          status: 'ready',
          keys: out.keys,
          total: out.keys.length,
          refreshedAt: out.refreshedAt,
          stale: out.stale,
          error: null,
          selected: Object.fromEntries(
            Object.keys(s.selected)
              .filter((id) => ids.has(id))
              .map((id) => [id, true as const]),
          ),
        }));
        // For bench/renderer.bench.ts: every key of the list is in the store.
        performance.mark('rk:keys-complete');
        // So the first search keystroke over thousands of keys is as quick as the next ones.
        const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 50));
        idle(() => warmSearch(out.keys));
      } catch (error) {
        if (mine !== generation) return;
        store.setState({ status: 'error', error: toAppError(error) });
      }
    },
    /** Asks main to fetch the server's list again, then reloads. */
    async refresh(): Promise<void> {
      const { serverId } = store.getState();
      if (!serverId) return;
      store.setState({ refreshing: true });
      try {
        const { results } = await api.call('keys:refresh', { serverId });
        const failed = results.find((r) => r.serverId === serverId && !r.ok);
        store.setState({ refreshError: failed ? (failed.message ?? 'Refresh failed.') : null });
      } catch (error) {
        store.setState({ refreshError: toAppError(error).message });
      } finally {
        store.setState({ refreshing: false });
      }
      await actions.load(serverId, { quiet: true });
    },
    setIncludeSystem(includeSystem: boolean) {
      if (store.getState().includeSystem === includeSystem) return;
      store.setState({ includeSystem });
      void actions.load(store.getState().serverId, { quiet: true });
    },
    setQuery(patch: Partial<KeyQuery>) {
      store.setState((s) => ({ query: { ...s.query, ...patch } }));
    },
    /** Sorts by `column`; a second click on the same column reverses the order. */
    toggleSort(column: SortColumn) {
      store.setState((s) => ({
        query: {
          ...s.query,
          sort:
            s.query.sort.column === column
              ? { column, dir: s.query.sort.dir === 'asc' ? 'desc' : 'asc' }
              : { column, dir: 'asc' },
        },
      }));
    },
    toggleSelected(id: string, on?: boolean) {
      store.setState((s) => {
        const next = { ...s.selected };
        if (on ?? !next[id]) next[id] = true;
        else delete next[id];
        return { selected: next };
      });
    },
    selectAll(ids: readonly string[]) {
      store.setState({ selected: Object.fromEntries(ids.map((id) => [id, true as const])) });
    },
    clearSelection() {
      store.setState({ selected: {} });
    },
    setCursor(id: string | null) {
      store.setState({ cursor: id });
    },
    serverIdOrThrow(): string {
      const { serverId } = store.getState();
      if (!serverId) throw new Error('No active server');
      return serverId;
    },
    async copy(keyId: string, format: CopyFormat): Promise<Output<'keys:copy'>> {
      const out = await api.call('keys:copy', {
        serverId: actions.serverIdOrThrow(),
        keyId,
        format,
      });
      clearTimeout(copiedTimer);
      store.setState({ copied: keyId });
      copiedTimer = setTimeout(() => store.setState({ copied: null }), COPIED_MS);
      return out;
    },
    async create(input: Input<'keys:create'>): Promise<Output<'keys:create'>> {
      const out = await api.call('keys:create', input);
      await actions.load(input.serverId, { quiet: true });
      return out;
    },
    async importKey(input: Input<'keys:import'>): Promise<KeyView> {
      const { key } = await api.call('keys:import', input);
      await actions.load(input.serverId, { quiet: true });
      return key;
    },
    async setLabels(keyId: string, labels: string[]): Promise<void> {
      const { key } = await api.call('keys:setLabels', {
        serverId: actions.serverIdOrThrow(),
        keyId,
        labels,
      });
      replaceKey(key);
    },
    async renew(keyId: string, revokeOldAfterMs: number): Promise<Output<'keys:renew'>> {
      const serverId = actions.serverIdOrThrow();
      const out = await api.call('keys:renew', { serverId, keyId, revokeOldAfterMs });
      await actions.load(serverId, { quiet: true });
      return out;
    },
    async update(input: Omit<Input<'keys:update'>, 'serverId'>): Promise<void> {
      const { key } = await api.call('keys:update', {
        ...input,
        serverId: actions.serverIdOrThrow(),
      });
      replaceKey(key);
    },
    /**
     * Marks `keyId` as the server's default key for tools (`rancher-keys` without a key name), or
     * clears the mark; reloads, since the mark moves off the previous default.
     */
    async setDefault(keyId: string, isDefault: boolean): Promise<void> {
      const serverId = actions.serverIdOrThrow();
      await api.call('keys:setDefault', { serverId, keyId, isDefault });
      await actions.load(serverId, { quiet: true });
    },
    /** Snoozes `keyId`'s expiry warnings until `until` (ISO), or stops snoozing (null). */
    async snooze(keyId: string, until: string | null): Promise<KeyView> {
      const { key } = await api.call('keys:snooze', {
        serverId: actions.serverIdOrThrow(),
        keyId,
        until,
      });
      replaceKey(key);
      return key;
    },
    /**
     * Renames label `from` to `to` on every key of the active server (or of every server), keeps
     * the label filter on the renamed label, and reloads. Returns how many keys changed.
     */
    async renameLabel(from: string, to: string, everyServer = false): Promise<number> {
      const serverId = actions.serverIdOrThrow();
      const { renamed } = await api.call('labels:rename', {
        ...(everyServer ? {} : { serverId }),
        from,
        to,
      });
      if (store.getState().query.label === from) actions.setQuery({ label: to });
      await actions.load(serverId, { quiet: true });
      return renamed;
    },
    async remove(keyIds: string[]): Promise<Output<'keys:delete'>> {
      const serverId = actions.serverIdOrThrow();
      const out = await api.call('keys:delete', { serverId, keyIds });
      store.setState((s) => {
        const selected = { ...s.selected };
        for (const id of keyIds) delete selected[id];
        return { selected };
      });
      await actions.load(serverId, { quiet: true });
      return out;
    },
  };
  return actions;
}
export type KeysStore = ReturnType<typeof createKeysStore>;

/**
 * A memoised selector of the visible rows: recomputed only when the keys or the query change. The
 * sorted order is kept across searches, so a keystroke costs one filter pass, not a sort; and a
 * keystroke that narrows the search filters the rows shown before rather than every key.
 */
export function createVisibleKeysSelector() {
  let sortedFor: { keys: KeyView[]; sort: KeyQuery['sort'] } | null = null;
  let sorted: KeyView[] = [];
  let lastKeys: KeyView[] | null = null;
  let lastQuery: KeyQuery | null = null;
  let last: KeyView[] = [];
  return (s: KeysState): KeyView[] => {
    if (s.keys === lastKeys && s.query === lastQuery) return last;
    if (!sortedFor || sortedFor.keys !== s.keys || sortedFor.sort !== s.query.sort) {
      sortedFor = { keys: s.keys, sort: s.query.sort };
      sorted = sortKeys(s.keys, s.query.sort);
    }
    const from = s.keys === lastKeys && lastQuery && narrows(lastQuery, s.query) ? last : sorted;
    lastKeys = s.keys;
    lastQuery = s.query;
    last = from.filter(compileQuery(s.query));
    return last;
  };
}

/** Access keys of expired keys that still exist (candidates for "Delete expired keys"). */
export function expiredKeyIds(keys: readonly KeyView[]): string[] {
  return keys.filter((k) => k.state === 'expired').map((k) => k.id);
}
