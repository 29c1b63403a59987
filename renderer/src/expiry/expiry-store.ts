import { createStore } from 'zustand/vanilla';
import type { ExpirySummary } from '../../../electron/contract/app';
import type { AppError } from '../../../electron/contract/errors';
import type { KeyView } from '../../../electron/contract/keys';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';

export interface ExpiringItem {
  serverId: string;
  serverName: string;
  key: KeyView;
}

export interface ExpiryState {
  summary: ExpirySummary | null;
  items: ExpiringItem[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
  /** The banner was dismissed for this summary's counts. */
  dismissedFor: string | null;
}

function expiresAt(item: ExpiringItem): number {
  return item.key.expiresAt === null ? Number.MAX_SAFE_INTEGER : Date.parse(item.key.expiresAt);
}

/** Counts for the banner and the cross-server "Expiring" view. */
export function createExpiryStore(api: Api) {
  const store = createStore<ExpiryState>()(() => ({
    summary: null,
    items: [],
    status: 'idle',
    error: null,
    dismissedFor: null,
  }));
  return {
    store,
    async loadSummary(): Promise<void> {
      try {
        store.setState({ summary: await api.call('expiry:summary', {}) });
      } catch {
        // The banner is a hint; the Expiring view reports errors when opened.
      }
    },
    setSummary(summary: ExpirySummary) {
      store.setState({ summary });
    },
    /** Loads every near-expiry key of every server, soonest first. */
    async loadItems(): Promise<void> {
      store.setState({ status: store.getState().items.length ? 'ready' : 'loading' });
      try {
        const { items } = await api.call('keys:expiring', {});
        store.setState({
          status: 'ready',
          error: null,
          items: [...items].sort((a, b) => expiresAt(a) - expiresAt(b)),
        });
      } catch (error) {
        store.setState({ status: 'error', error: toAppError(error) });
      }
    },
    dismissBanner() {
      store.setState({ dismissedFor: summaryKey(store.getState().summary) });
    },
  };
}
export type ExpiryStore = ReturnType<typeof createExpiryStore>;

/** Identifies a summary's counts, so a dismissed banner returns when they change. */
export function summaryKey(summary: ExpirySummary | null): string | null {
  return summary ? `${summary.expiringCount}/${summary.expiredCount}` : null;
}
