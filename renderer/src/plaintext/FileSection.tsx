import { useId, useMemo } from 'react';
import { useStore } from '../ui/use-store';
import type { PlaintextFile, PlaintextFinding } from '../../../electron/contract/plaintext';
import { useStores } from '../ui/stores-context';
import { importable } from './plaintext-store';
import { undoWithToast } from './undo-rewrite';
import { fileKindText, fileProblemText, placeText, plural, tokenKindText } from './plaintext-text';

/** A file's findings shown at once; the rest are counted (a kubeconfig may hold 10,000 users). */
export const MAX_ROWS = 200;

/** The token's state in words: held, or why it cannot be imported. */
function stateText(finding: PlaintextFinding): string {
  if (finding.alreadyHeld) return 'Already held';
  if (finding.serverUrl === null) return 'Server unknown: not importable';
  return finding.serverKnown ? 'Not held' : 'Not held (new server)';
}

/**
 * One file the check read: its path and kind, one clear line when it could not be read, its
 * tokens (choose to import), and Rewrite… / Undo.
 */
export function FileSection({
  file,
  findings,
}: {
  file: PlaintextFile;
  findings: PlaintextFinding[];
}) {
  const { plaintext, ui } = useStores();
  const chosen = useStore(plaintext.store, (s) => s.chosen);
  const picked = useMemo(() => new Set(chosen), [chosen]);
  const done = useStore(plaintext.store, (s) => s.rewrites.find((r) => r.fileId === file.fileId));
  const busy = useStore(plaintext.store, (s) => s.rewriteStep.kind !== 'idle');
  const titleId = useId();
  const problem = fileProblemText(file);
  const held = findings.filter((f) => f.alreadyHeld).length;
  const canRewrite = file.status === 'ok' && file.rewritable && held > 0;

  async function undo() {
    if (done) await undoWithToast(() => plaintext.undo(done.rewriteId), ui);
  }

  return (
    <section
      className="plaintext-file"
      aria-labelledby={titleId}
      data-testid="plaintext-file"
      data-status={file.status}
    >
      <header className="plaintext-file-header">
        <div className="plaintext-file-title">
          <h2 id={titleId} className="mono" title={file.path}>
            <bdi>{file.path}</bdi>
          </h2>
          <span className="muted">{fileKindText(file)}</span>
        </div>
        <div className="view-actions">
          {done ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => void undo()}
              data-testid="plaintext-undo"
            >
              Undo rewrite
            </button>
          ) : (
            file.status === 'ok' &&
            file.findingCount > 0 && (
              <button
                type="button"
                className="button button-small"
                disabled={!canRewrite || busy}
                onClick={() => void plaintext.previewRewrite(file.fileId)}
                aria-label={`Rewrite ${file.path}…`}
                data-testid="plaintext-rewrite"
              >
                Rewrite…
              </button>
            )
          )}
        </div>
      </header>
      {problem !== null ? (
        <p
          className={file.status === 'missing' ? 'hint' : 'plaintext-problem'}
          data-testid="plaintext-file-problem"
        >
          <bdi>{problem}</bdi>
        </p>
      ) : findings.length === 0 ? (
        <p className="hint">No Rancher token in this file.</p>
      ) : (
        <p className="hint" data-testid="plaintext-file-note">
          {done
            ? `Rewritten (${plural(done.changed, 'entry', 'entries')}); the file as it was is kept in ${done.backupPath}.`
            : !file.rewritable
              ? 'Read, but not rewritten: a link or a file Rancher Keys may not change.'
              : held === 0
                ? 'Import its tokens first; then Rewrite takes them out of this file.'
                : `${plural(findings.length, 'token', 'tokens')}, ${held} held by Rancher Keys.`}
        </p>
      )}
      {findings.length > 0 && (
        <div className="table-scroll">
          <table className="simple-table plaintext-findings" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col" className="col-choose">
                  Import
                </th>
                <th scope="col" className="col-key">
                  Access key
                </th>
                <th scope="col">Where in the file</th>
                <th scope="col" className="col-server">
                  Server
                </th>
                <th scope="col" className="col-state">
                  State
                </th>
              </tr>
            </thead>
            <tbody>
              {findings.slice(0, MAX_ROWS).map((f) => (
                <FindingRow
                  key={f.findingId}
                  finding={f}
                  chosen={picked.has(f.findingId)}
                  onToggle={() => plaintext.toggle(f.findingId)}
                />
              ))}
            </tbody>
          </table>
          {findings.length > MAX_ROWS && (
            <p className="hint">
              And {findings.length - MAX_ROWS} more in this file; &quot;Choose every token&quot;
              includes them.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** One token: choose it for import; access key, place, server and state (titles hold full text). */
function FindingRow({
  finding: f,
  chosen,
  onToggle,
}: {
  finding: PlaintextFinding;
  chosen: boolean;
  onToggle: () => void;
}) {
  const place = placeText(f.place);
  return (
    <tr data-testid="plaintext-finding" data-access-key={f.accessKey}>
      <td>
        <input
          type="checkbox"
          checked={chosen}
          disabled={!importable(f)}
          onChange={onToggle}
          aria-label={`Import ${f.accessKey}`}
        />
      </td>
      <td className="mono" title={f.accessKey}>
        <bdi>{f.accessKey}</bdi>
        <span className="hint finding-kind">{tokenKindText[f.tokenKind]}</span>
      </td>
      <td title={place}>
        <bdi>{place}</bdi>
      </td>
      <td className="mono" title={f.serverUrl ?? undefined}>
        <bdi>{f.serverUrl ?? 'unknown'}</bdi>
      </td>
      <td data-testid="finding-state">{stateText(f)}</td>
    </tr>
  );
}
