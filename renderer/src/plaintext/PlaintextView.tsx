import { useEffect, useMemo } from 'react';
import { useStore } from '../ui/use-store';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { FileSection } from './FileSection';
import { ImportDialog } from './ImportDialog';
import { importable } from './plaintext-store';
import { plural } from './plaintext-text';
import { RewriteDialog } from './RewriteDialog';
import './plaintext.css';

/**
 * The Plaintext check: every Rancher token found in the Rancher CLI's and kubectl's files (by
 * access key and place, never the secret), the files that could not be read, importing chosen
 * tokens into the keychain, and rewriting a file without them (with Undo).
 */
export function PlaintextView() {
  const { plaintext, ui } = useStores();
  const scan = useStore(plaintext.store, (s) => s.scan);
  const status = useStore(plaintext.store, (s) => s.status);
  const error = useStore(plaintext.store, (s) => s.error);
  const chosen = useStore(plaintext.store, (s) => s.chosen);
  const importStep = useStore(plaintext.store, (s) => s.importStep);

  useEffect(() => {
    void plaintext.scan();
  }, [plaintext]);

  const findings = scan?.findings ?? [];
  const candidates = findings.filter(importable);
  const held = findings.filter((f) => f.alreadyHeld).length;
  const picked = useMemo(() => new Set(chosen), [chosen]);
  const allChosen = candidates.length > 0 && candidates.every((f) => picked.has(f.findingId));

  async function addFile() {
    const file = await plaintext.addFile();
    if (file) ui.toast(`Added ${file.path} to the check.`, 'success');
  }

  return (
    <section className="view plaintext-view" aria-labelledby="plaintext-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="plaintext-title">Plaintext check</h1>
          <span className="muted">Rancher tokens in files on this computer</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => void addFile()}>
            Add a file…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void plaintext.scan()}
            data-testid="plaintext-rescan"
          >
            Check again
          </button>
        </div>
      </header>
      <p className="hint plaintext-intro">
        Rancher Keys reads only the Rancher CLI&apos;s cli2.json, kubectl&apos;s kubeconfig files
        and files you add. Secrets are never shown; importing checks each token with its own server
        and nothing else leaves this computer.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void plaintext.scan()} compact />}
      {status === 'loading' || !scan ? (
        status === 'error' ? null : (
          <div className="skeleton" role="status" aria-busy="true" aria-label="Checking files">
            {Array.from({ length: 4 }, (_, i) => (
              <div key={i} className="skeleton-row" />
            ))}
          </div>
        )
      ) : (
        <>
          <div className="plaintext-bar">
            <div className="plaintext-summary" data-testid="plaintext-summary">
              <p role="status">
                {findings.length === 0
                  ? `No Rancher token found in ${plural(scan.files.length, 'file', 'files')}.`
                  : `${plural(findings.length, 'token', 'tokens')} found in plaintext, ${held} already held by Rancher Keys.`}
              </p>
              {candidates.length > 0 && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={allChosen}
                    onChange={() => plaintext.toggleAll()}
                    data-testid="plaintext-choose-all"
                  />
                  Choose every token not held yet ({candidates.length})
                </label>
              )}
            </div>
            <div className="plaintext-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={chosen.length === 0 || importStep.kind !== 'idle'}
                onClick={() => void plaintext.import()}
                data-testid="plaintext-import"
              >
                {chosen.length === 0
                  ? 'Import into the keychain'
                  : `Import ${plural(chosen.length, 'token', 'tokens')}`}
              </button>
              <span className="muted" aria-live="polite">
                {chosen.length === 0
                  ? 'Choose tokens to import: each is checked with its server first.'
                  : 'Expired or revoked tokens are listed, not imported.'}
              </span>
            </div>
          </div>
          <div className="plaintext-files">
            {scan.files.map((file) => (
              <FileSection
                key={file.fileId}
                file={file}
                findings={findings.filter((f) => f.fileId === file.fileId)}
              />
            ))}
          </div>
        </>
      )}
      <ImportDialog />
      <RewriteDialog />
    </section>
  );
}
