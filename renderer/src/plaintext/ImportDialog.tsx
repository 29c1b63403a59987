import { useMemo, useState } from 'react';
import { useStore } from '../ui/use-store';
import type {
  PlaintextFinding,
  PlaintextImportOutcome,
  PlaintextImportResult,
} from '../../../electron/contract/plaintext';
import { Dialog } from '../ui/Dialog';
import { JobProgressDialog, type JobProgressWords } from '../ui/JobProgressDialog';
import { useStores } from '../ui/stores-context';
import { outcomeRank, outcomeText, placeText, plural } from './plaintext-text';
import { TrustForImport } from './TrustForImport';

/** Result lines shown at once; the activity log records every one. */
const MAX_RESULTS = 500;

const importWords: JobProgressWords = {
  title: 'Importing tokens',
  testId: 'plaintext-import-progress',
  progressLabel: 'Import progress',
  doneWord: 'checked',
  failedWord: 'not imported',
  inFlight: 'the checks under way',
};

/**
 * The import, step by step: a cancellable progress bar while tokens are verified with their
 * servers, then one line per token (imported, or why not: expired and revoked ones are listed,
 * not imported).
 */
export function ImportDialog() {
  const { plaintext } = useStores();
  const step = useStore(plaintext.store, (s) => s.importStep);

  if (step.kind === 'running') {
    return (
      <JobProgressDialog
        words={importWords}
        step={step}
        onStop={() => void plaintext.cancelImport()}
      />
    );
  }
  if (step.kind === 'results') {
    return <ImportResults {...step} />;
  }
  return null;
}

function ImportResults({
  results,
  cancelled,
  added,
  findings: imported,
}: {
  results: PlaintextImportResult[];
  cancelled: boolean;
  added: number;
  findings: PlaintextFinding[];
}) {
  const { plaintext } = useStores();
  const findings = useMemo(() => new Map(imported.map((f) => [f.findingId, f])), [imported]);
  const counts = useMemo(() => {
    const out = new Map<PlaintextImportOutcome, number>();
    for (const r of results) out.set(r.outcome, (out.get(r.outcome) ?? 0) + 1);
    return [...out].sort((a, b) => outcomeRank[a[0]] - outcomeRank[b[0]]);
  }, [results]);
  const ordered = useMemo(
    () => [...results].sort((a, b) => outcomeRank[a.outcome] - outcomeRank[b.outcome]),
    [results],
  );
  const importedCount = results.filter((r) => r.outcome === 'imported').length;
  const [trusting, setTrusting] = useState<string | null>(null);
  const trustRow = trusting === null ? undefined : results.find((r) => r.findingId === trusting);
  const trustFinding = trustRow ? findings.get(trustRow.findingId) : undefined;
  if (trustRow?.certificate && trustFinding?.serverUrl) {
    return (
      <TrustForImport
        finding={{ ...trustFinding, serverUrl: trustFinding.serverUrl }}
        rowId={trustRow.findingId}
        certificate={trustRow.certificate}
        onBack={() => setTrusting(null)}
      />
    );
  }
  return (
    <Dialog
      title={cancelled ? 'Import stopped' : 'Import finished'}
      wide
      onClose={() => plaintext.dismissImport()}
      testId="plaintext-import-results"
      footer={
        <button
          type="button"
          className="button button-primary"
          onClick={() => plaintext.dismissImport()}
          data-autofocus
        >
          Close
        </button>
      }
    >
      <ul className="plaintext-counts" data-testid="plaintext-import-counts">
        {counts.map(([outcome, n]) => (
          <li key={outcome}>
            {outcomeText[outcome]}: <strong>{n}</strong>
          </li>
        ))}
      </ul>
      <p className="hint">
        {importedCount > 0
          ? `${plural(importedCount, 'token is', 'tokens are')} in your keychain now${added > 0 ? `, and ${plural(added, 'server was', 'servers were')} added` : ''}. The files still hold them until you rewrite them.`
          : 'Nothing was imported.'}
      </p>
      <div className="result-scroll" role="region" aria-label="Results per token" tabIndex={0}>
        <table className="simple-table plaintext-results">
          <thead>
            <tr>
              <th scope="col">Access key</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {ordered.slice(0, MAX_RESULTS).map((r) => {
              const finding = findings.get(r.findingId);
              return (
                <tr
                  key={r.findingId}
                  data-testid="plaintext-import-result"
                  data-outcome={r.outcome}
                >
                  <td className="mono">
                    <bdi>{r.accessKey}</bdi>
                  </td>
                  <td>{outcomeText[r.outcome]}</td>
                  <td>
                    <bdi>
                      {[finding ? placeText(finding.place) : null, r.message]
                        .filter(Boolean)
                        .join(': ')}
                    </bdi>
                    {r.outcome === 'untrusted' && r.certificate && finding?.serverUrl && (
                      <button
                        type="button"
                        className="button button-small plaintext-trust"
                        onClick={() => setTrusting(r.findingId)}
                        aria-label={`Trust this certificate… (${r.accessKey})`}
                      >
                        Trust this certificate…
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {ordered.length > MAX_RESULTS && (
          <p className="hint">
            And {ordered.length - MAX_RESULTS} more, problems listed first; the activity log records
            every one.
          </p>
        )}
      </div>
    </Dialog>
  );
}
