import { createStore } from 'zustand/vanilla';
import type { ActivityEntry, ActivityFilter } from '../../../electron/contract/activity';
import type { AppError } from '../../../electron/contract/errors';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';

/** Entries loaded at first; "Show more" asks for more, up to the contract's bound. */
export const PAGE = 1_000;
export const MAX_ENTRIES = 100_000;

export interface ActivityState {
  filter: ActivityFilter;
  entries: ActivityEntry[];
  total: number;
  limit: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
}

/** The activity view's state: filters, the newest matching entries, and the export. */
export function createActivityStore(api: Api) {
  const store = createStore<ActivityState>()(() => ({
    filter: {},
    entries: [],
    total: 0,
    limit: PAGE,
    status: 'idle',
    error: null,
  }));
  let seq = 0;
  const activity = {
    store,
    async load() {
      const mine = ++seq;
      const { filter, limit } = store.getState();
      store.setState((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
      try {
        const { entries, total } = await api.call('activity:list', { ...filter, limit });
        if (mine === seq) store.setState({ entries, total, status: 'ready', error: null });
      } catch (e) {
        if (mine === seq) store.setState({ status: 'error', error: toAppError(e) });
      }
    },
    /** Replaces the filters (e.g. a key's history from its row menu) and reloads. */
    setFilter(filter: ActivityFilter) {
      store.setState({ filter, limit: PAGE });
      void activity.load();
    },
    showMore() {
      store.setState((s) => ({ limit: Math.min(MAX_ENTRIES, s.limit + 10 * PAGE) }));
      void activity.load();
    },
    /** The matching entries as CSV or JSON, for the window to save. */
    async export(format: 'csv' | 'json') {
      return api.call('activity:export', { ...store.getState().filter, format });
    },
  };
  return activity;
}
export type ActivityStore = ReturnType<typeof createActivityStore>;
