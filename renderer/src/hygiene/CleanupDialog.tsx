import { useMemo } from 'react';
import { useStore } from '../ui/use-store';
import type { HygieneResult } from '../../../electron/contract/hygiene';
import { Dialog } from '../ui/Dialog';
import { JobProgressDialog, type JobProgressWords } from '../ui/JobProgressDialog';
import { useStores } from '../ui/stores-context';
import type { HygieneStore } from './hygiene-store';
import { MemberList } from './MemberList';
import { revokeReason } from './revoke-reason';
import './hygiene.css';

const outcomeText: Record<HygieneResult['outcome'], string> = {
  revoked: 'Revoked',
  already_gone: 'Already gone',
  pending_revocation: 'Pending revocation',
  failed: 'Failed',
  cancelled: 'Not attempted (cancelled)',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const revokeWords: JobProgressWords = {
  title: 'Revoking tokens',
  testId: 'cleanup-progress',
  progressLabel: 'Revocation progress',
  doneWord: 'done',
  failedWord: 'failed',
  inFlight: 'the requests under way',
};

/**
 * The bulk revocation, step by step: the dry run (exactly which tokens on which servers), a
 * confirmation naming the count, a cancellable progress bar, then every token's result.
 */
export function CleanupDialog({ hygiene, now }: { hygiene: HygieneStore; now: number }) {
  const step = useStore(hygiene.store, (s) => s.step);
  const { ui } = useStores();

  if (step.kind === 'review') {
    const { preview } = step;
    const members = preview.servers.flatMap((s) => s.members);
    const targets = preview.servers.map((s) => ({
      serverId: s.serverId,
      keyIds: s.members.map((m) => m.keyId),
    }));
    const count = plural(preview.total, 'token', 'tokens');
    return (
      <Dialog
        title="Review the clean-up"
        wide
        onClose={() => hygiene.closeReview()}
        testId="cleanup-review"
        footer={
          <>
            <button type="button" className="button" onClick={() => hygiene.closeReview()}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={preview.total === 0}
              onClick={() => void hygiene.revoke(targets)}
              data-testid="cleanup-confirm"
            >
              Revoke {count}
            </button>
          </>
        }
      >
        <p>
          A dry run: nothing has been revoked yet. Revoking {count} on{' '}
          {plural(preview.servers.length, 'server', 'servers')} cannot be undone; whoever uses them
          loses access. The key Rancher Keys signs in with is never included.
        </p>
        <ul className="cleanup-servers">
          {preview.servers.map((s) => (
            <li key={s.serverId}>
              <strong>{s.serverName}</strong>: {plural(s.members.length, 'token', 'tokens')}
            </li>
          ))}
        </ul>
        {preview.skipped.length > 0 && (
          <p className="hint">
            Left out: {preview.skipped.map((s) => `${s.keyId} (${s.reason})`).join('; ')}
          </p>
        )}
        <MemberList members={members} now={now} showServer label="Tokens to revoke" />
      </Dialog>
    );
  }

  if (step.kind === 'running') {
    return (
      <JobProgressDialog words={revokeWords} step={step} onStop={() => void hygiene.cancel()} />
    );
  }

  if (step.kind === 'results') {
    return (
      <Results
        hygiene={hygiene}
        results={step.results}
        cancelled={step.cancelled}
        onShowKeys={() => ui.setView('keys')}
      />
    );
  }
  return null;
}

function Results({
  hygiene,
  results,
  cancelled,
  onShowKeys,
}: {
  hygiene: HygieneStore;
  results: HygieneResult[];
  cancelled: boolean;
  onShowKeys: () => void;
}) {
  const counts = useMemo(() => {
    const out = new Map<HygieneResult['outcome'], number>();
    for (const r of results) out.set(r.outcome, (out.get(r.outcome) ?? 0) + 1);
    return out;
  }, [results]);
  // Problems first: what failed or waits, then the rest.
  const ordered = useMemo(() => {
    const rank = { failed: 0, pending_revocation: 1, cancelled: 2, already_gone: 3, revoked: 4 };
    return [...results].sort((a, b) => rank[a.outcome] - rank[b.outcome]);
  }, [results]);
  return (
    <Dialog
      title={cancelled ? 'Clean-up stopped' : 'Clean-up finished'}
      wide
      onClose={() => hygiene.dismissResults()}
      testId="cleanup-results"
      footer={
        <>
          {(counts.get('pending_revocation') ?? 0) > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => {
                hygiene.dismissResults();
                onShowKeys();
              }}
            >
              Show keys
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => hygiene.dismissResults()}
          >
            Close
          </button>
        </>
      }
    >
      <ul className="cleanup-counts" data-testid="cleanup-counts">
        {[...counts].map(([outcome, n]) => (
          <li key={outcome}>
            {outcomeText[outcome]}: <strong>{n}</strong>
          </li>
        ))}
      </ul>
      {(counts.get('pending_revocation') ?? 0) > 0 && (
        <p className="hint">
          Tokens pending revocation are revoked as soon as their server answers again.
        </p>
      )}
      <div className="result-scroll" role="region" aria-label="Results per token" tabIndex={0}>
        <table className="simple-table cleanup-results-table">
          <thead>
            <tr>
              <th scope="col" className="col-key">
                Access key
              </th>
              <th scope="col" className="col-result">
                Result
              </th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {ordered.slice(0, 500).map((r) => (
              <tr key={`${r.serverId}/${r.keyId}`} data-testid="cleanup-result">
                <td className="mono cleanup-key">{r.keyId}</td>
                <td>{outcomeText[r.outcome]}</td>
                <td className="cleanup-details">
                  {r.code !== null && (
                    <span className="cleanup-reason" data-testid="cleanup-reason">
                      {revokeReason(r.code)} <span className="mono">({r.code})</span>
                    </span>
                  )}
                  {r.message !== null && <span className="cleanup-message">{r.message}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {ordered.length > 500 && (
          <p className="hint">
            And {ordered.length - 500} more, problems listed first; the activity log records every
            one.
          </p>
        )}
      </div>
    </Dialog>
  );
}
