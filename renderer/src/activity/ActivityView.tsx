import { useEffect, useId, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { ActivityFilter } from '../../../electron/contract/activity';
import { activityActions } from '../../../electron/contract/constants';
import { formatDateTime } from '../format/time';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { VirtualList } from '../ui/VirtualList';
import { actionText, outcomeText } from './action-text';
import { MAX_ENTRIES } from './activity-store';
import { RetentionForm } from './RetentionForm';
import './activity.css';

const ROW_HEIGHT = 32;

/** `datetime-local` text as an ISO instant (local time), or undefined when empty or invalid. */
function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An ISO instant as `datetime-local` text in local time. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Saves text as a file through the browser's download (Electron asks where to save it). */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The activity log: what was done with keys and servers, newest first, filtered by server, key,
 * action and time, and exported as CSV or JSON. Never shows a secret: the log holds none.
 */
export function ActivityView() {
  const { activity, servers, ui } = useStores();
  const filter = useStore(activity.store, (s) => s.filter);
  const entries = useStore(activity.store, (s) => s.entries);
  const total = useStore(activity.store, (s) => s.total);
  const status = useStore(activity.store, (s) => s.status);
  const error = useStore(activity.store, (s) => s.error);
  const serverList = useStore(servers.store, (s) => s.servers);
  // The filters being edited; null shows the ones applied (also when a row menu set them).
  const [edited, setDraft] = useState<ActivityFilter | null>(null);
  const draft = edited ?? filter;
  const ids = { server: useId(), key: useId(), action: useId(), from: useId(), to: useId() };

  useEffect(() => {
    void activity.load();
  }, [activity]);

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const next: ActivityFilter = {};
    if (draft.serverId) next.serverId = draft.serverId;
    if (draft.keyId?.trim()) next.keyId = draft.keyId.trim();
    if (draft.action) next.action = draft.action;
    if (draft.from) next.from = draft.from;
    if (draft.to) next.to = draft.to;
    activity.setFilter(next);
    setDraft(null);
  }

  async function exportAs(format: 'csv' | 'json') {
    try {
      const file = await activity.export(format);
      download(file.fileName, file.mimeType, file.content);
      ui.toast(`Exported ${file.count} entries as ${format.toUpperCase()}.`, 'success');
    } catch (e) {
      ui.toast(toAppError(e).message, 'error');
    }
  }

  const filtered = Object.keys(filter).length > 0;

  return (
    <section className="view activity-view" aria-labelledby="activity-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="activity-title">Activity</h1>
          <span className="muted">What was done with your keys, on this computer</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
      </header>
      <form className="activity-filters" onSubmit={apply} aria-label="Filter the activity">
        <span className="activity-field">
          <label htmlFor={ids.server}>Server</label>
          <select
            id={ids.server}
            value={draft.serverId ?? ''}
            onChange={(e) => setDraft({ ...draft, serverId: e.target.value || undefined })}
          >
            <option value="">All</option>
            {serverList.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </span>
        <span className="activity-field">
          <label htmlFor={ids.key}>Access key</label>
          <input
            id={ids.key}
            type="search"
            className="mono"
            placeholder="token-abc12"
            value={draft.keyId ?? ''}
            onChange={(e) => setDraft({ ...draft, keyId: e.target.value || undefined })}
            data-testid="activity-key"
          />
        </span>
        <span className="activity-field">
          <label htmlFor={ids.action}>Action</label>
          <select
            id={ids.action}
            value={draft.action ?? ''}
            onChange={(e) =>
              setDraft({
                ...draft,
                action: (activityActions as readonly string[]).includes(e.target.value)
                  ? (e.target.value as ActivityFilter['action'])
                  : undefined,
              })
            }
          >
            <option value="">All</option>
            {activityActions.map((a) => (
              <option key={a} value={a}>
                {actionText[a]}
              </option>
            ))}
          </select>
        </span>
        <span className="activity-field">
          <label htmlFor={ids.from}>From</label>
          <input
            id={ids.from}
            type="datetime-local"
            value={toLocalInput(draft.from)}
            onChange={(e) => setDraft({ ...draft, from: toInstant(e.target.value) })}
          />
        </span>
        <span className="activity-field">
          <label htmlFor={ids.to}>To</label>
          <input
            id={ids.to}
            type="datetime-local"
            value={toLocalInput(draft.to)}
            onChange={(e) => setDraft({ ...draft, to: toInstant(e.target.value) })}
          />
        </span>
        <span className="activity-buttons">
          <button type="submit" className="button button-small">
            Apply
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            disabled={!filtered}
            onClick={() => {
              activity.setFilter({});
              setDraft(null);
            }}
          >
            Clear
          </button>
        </span>
      </form>
      <RetentionForm />
      {status === 'error' && error ? (
        <ErrorNotice error={error} onRetry={() => void activity.load()} />
      ) : status !== 'ready' ? (
        <div className="skeleton" role="status" aria-busy="true" aria-label="Loading">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="skeleton-row" />
          ))}
        </div>
      ) : entries.length === 0 ? (
        <div className="empty" data-testid="activity-empty">
          <h2>{filtered ? 'Nothing matches these filters' : 'No activity yet'}</h2>
          <p>Creating, copying, renewing and revoking keys, and signing in, are recorded here.</p>
        </div>
      ) : (
        <div className="activity-list">
          <div className="activity-row activity-header" aria-hidden="true">
            <span>Time</span>
            <span>Server</span>
            <span>Access key</span>
            <span>Action</span>
            <span>Result</span>
            <span>Details</span>
          </div>
          <VirtualList
            className="activity-scroll"
            label="Activity entries"
            count={entries.length}
            rowHeight={ROW_HEIGHT}
            renderRow={(index, slot) => {
              const e = entries[index]!;
              return (
                <div
                  key={slot}
                  className={`activity-row outcome-${e.outcome}`}
                  data-testid="activity-row"
                >
                  <span>{formatDateTime(e.at)}</span>
                  <span>{e.serverName ?? '—'}</span>
                  <span className="mono">{e.keyId ?? '—'}</span>
                  <span>{actionText[e.action]}</span>
                  <span>
                    {outcomeText[e.outcome]}
                    {e.errorCode ? ` (${e.errorCode})` : ''}
                  </span>
                  <span>{e.detail ?? ''}</span>
                </div>
              );
            }}
          />
          <p className="activity-footer muted" data-testid="activity-count">
            {entries.length < total
              ? `Newest ${entries.length} of ${total} entries`
              : `${total} ${total === 1 ? 'entry' : 'entries'}`}
            {entries.length < total && entries.length < MAX_ENTRIES && (
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => activity.showMore()}
              >
                Show more
              </button>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
