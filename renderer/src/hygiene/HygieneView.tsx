import { useEffect, useId, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { HygieneGroup } from '../../../electron/contract/hygiene';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { CleanupDialog } from './CleanupDialog';
import { groupText } from './group-text';
import { MemberList } from './MemberList';
import './hygiene.css';

/** "prod-eu 20, deleted c-m-gone0001 20, not scoped 40" (the largest few). */
function clusterSummary(group: HygieneGroup): string {
  const parts = group.clusters.slice(0, 4).map((c) => {
    const name =
      c.clusterId === null ? 'not scoped' : (c.clusterName ?? `deleted cluster ${c.clusterId}`);
    return `${name}: ${c.count}`;
  });
  if (group.clusters.length > 4) parts.push(`${group.clusters.length - 4} more clusters`);
  return parts.join(', ');
}

/**
 * The clean-up view: the user's tokens on one server or all of them, sorted into groups (expired,
 * never used, kubeconfig…), each with its count and members; chosen groups are revoked in bulk
 * after a dry run.
 */
export function HygieneView() {
  const { hygiene, servers, settings } = useStores();
  const serverId = useStore(hygiene.store, (s) => s.serverId);
  const scan = useStore(hygiene.store, (s) => s.scan);
  const status = useStore(hygiene.store, (s) => s.status);
  const error = useStore(hygiene.store, (s) => s.error);
  const inspected = useStore(hygiene.store, (s) => s.inspected);
  const members = useStore(hygiene.store, (s) => s.members);
  const membersStatus = useStore(hygiene.store, (s) => s.membersStatus);
  const chosen = useStore(hygiene.store, (s) => s.chosen);
  const step = useStore(hygiene.store, (s) => s.step);
  const serverList = useStore(servers.store, (s) => s.servers);
  const unusedDays = useStore(settings.store, (s) => s.settings.hygieneUnusedDays);
  // What the user is typing; null shows the saved setting.
  const [typed, setDays] = useState<string | null>(null);
  const days = typed ?? String(unusedDays);
  const [now] = useState(() => Date.now());
  const scopeId = useId();
  const daysId = useId();

  useEffect(() => {
    void hygiene.scan();
  }, [hygiene]);

  async function saveDays(event: React.FormEvent) {
    event.preventDefault();
    const value = Number.parseInt(days, 10);
    if (!Number.isInteger(value) || value < 1 || value > 3650) return;
    await settings.set({ hygieneUnusedDays: value }).catch(() => undefined);
    setDays(null);
    await hygiene.scan();
  }

  const chosenCount = scan
    ? scan.groups.filter((g) => chosen.includes(g.id)).reduce((n, g) => n + g.count, 0)
    : 0;
  const unknown = scan?.servers.filter((s) => s.clustersUnknown && s.signedIn) ?? [];
  const usageUnknown = scan?.servers.filter((s) => s.usageUnknown) ?? [];
  const signedOut = scan?.servers.filter((s) => !s.signedIn) ?? [];

  return (
    <section className="view hygiene-view" aria-labelledby="hygiene-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="hygiene-title">Clean up</h1>
          <span className="muted">Tokens worth revoking, by group</span>
        </div>
        <div className="view-actions">
          <label htmlFor={scopeId} className="visually-hidden">
            Servers to clean up
          </label>
          <select
            id={scopeId}
            value={serverId ?? ''}
            onChange={(e) => hygiene.setServer(e.target.value === '' ? null : e.target.value)}
            data-testid="hygiene-scope"
          >
            <option value="">All servers</option>
            {serverList.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void hygiene.scan()}>
            Refresh
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => void hygiene.scan()} />}
      {status === 'loading' || !scan ? (
        status === 'error' ? null : (
          <div className="skeleton" role="status" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="skeleton-row" />
            ))}
          </div>
        )
      ) : (
        <div className="hygiene-body">
          <div className="hygiene-notes">
            <form className="field-inline" onSubmit={(e) => void saveDays(e)}>
              <label htmlFor={daysId}>Unused after</label>
              <input
                id={daysId}
                type="number"
                min={1}
                max={3650}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                className="days-input"
              />
              <span>days</span>
              <button type="submit" className="button button-small">
                Apply
              </button>
            </form>
            {signedOut.length > 0 && (
              <p className="hint">
                Signed out (groups from the last list):{' '}
                {signedOut.map((s) => s.serverName).join(', ')}
              </p>
            )}
            {unknown.length > 0 && (
              <p className="hint">
                Clusters could not be read on {unknown.map((s) => s.serverName).join(', ')}; tokens
                there are not checked for deleted clusters.
              </p>
            )}
            {usageUnknown.length > 0 && (
              <p className="hint">
                {usageUnknown.map((s) => s.serverName).join(', ')} does not report when tokens were
                last used (Rancher 2.9 or older).
              </p>
            )}
          </div>
          <table className="simple-table hygiene-groups" data-testid="hygiene-groups">
            <thead>
              <tr>
                <th scope="col">Revoke</th>
                <th scope="col">Group</th>
                <th scope="col" className="numeric">
                  Tokens
                </th>
                <th scope="col">
                  <span className="visually-hidden">Members</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scan.groups.map((group) => {
                const text = groupText(group.id, scan.unusedDays);
                return (
                  <tr
                    key={group.id}
                    data-testid="hygiene-group"
                    data-group={group.id}
                    className={inspected === group.id ? 'current' : undefined}
                  >
                    <td>
                      <input
                        type="checkbox"
                        checked={chosen.includes(group.id)}
                        disabled={group.count === 0}
                        onChange={() => hygiene.toggle(group.id)}
                        aria-label={`Revoke the ${text.name.toLowerCase()} group`}
                      />
                    </td>
                    <td>
                      <span className="group-name">{text.name}</span>
                      <span className="hint group-hint">
                        {group.id === 'kubeconfig' && group.count > 0
                          ? clusterSummary(group)
                          : text.hint}
                      </span>
                    </td>
                    <td className="numeric" data-testid="group-count">
                      {group.count}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small button-ghost"
                        aria-pressed={inspected === group.id}
                        disabled={group.count === 0}
                        onClick={() =>
                          void hygiene.inspect(inspected === group.id ? null : group.id)
                        }
                        aria-label={`Show the ${text.name.toLowerCase()} tokens`}
                      >
                        Show
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="hygiene-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={chosen.length === 0 || step.kind !== 'idle'}
              onClick={() => void hygiene.preview()}
              data-testid="hygiene-review"
            >
              Review clean-up…
            </button>
            <span className="muted" aria-live="polite">
              {chosen.length === 0
                ? 'Choose groups to revoke.'
                : `${chosen.length} ${chosen.length === 1 ? 'group' : 'groups'} chosen, up to ${chosenCount} tokens; the review lists each token once.`}
            </span>
          </div>
          {inspected && (
            <div className="hygiene-members">
              <h2>
                {groupText(inspected, scan.unusedDays).name}{' '}
                <span className="muted">({members.length})</span>
              </h2>
              {membersStatus === 'loading' ? (
                <p role="status">Loading…</p>
              ) : membersStatus === 'error' ? (
                <p className="hint">The members could not be listed; refresh to try again.</p>
              ) : (
                <MemberList
                  members={members}
                  now={now}
                  showServer={serverId === null}
                  label={`Members of ${groupText(inspected, scan.unusedDays).name}`}
                />
              )}
            </div>
          )}
        </div>
      )}
      <CleanupDialog hygiene={hygiene} now={now} />
    </section>
  );
}
