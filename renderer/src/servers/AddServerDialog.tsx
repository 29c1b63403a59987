import { useState } from 'react';
import type { AppError, CertificateInfo } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { CertificateDetails } from './CertificateDetails';

/**
 * Add a server. When its certificate is not trusted, main answers `tls_untrusted` with the
 * certificate; the dialog shows it and, if the user trusts it, adds again pinning its fingerprint.
 * Then it moves straight on to signing in.
 */
export function AddServerDialog() {
  const { servers, ui } = useStores();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [caPem, setCaPem] = useState('');
  const [timeoutS, setTimeoutS] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [certificate, setCertificate] = useState<CertificateInfo | null>(null);

  async function add(fingerprint256?: string) {
    setBusy(true);
    setError(null);
    try {
      const server = await servers.add({
        url: url.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(caPem.trim() ? { caPem: caPem.trim() } : {}),
        ...(timeoutS ? { timeoutMs: Math.round(Number(timeoutS) * 1000) } : {}),
        ...(fingerprint256 ? { fingerprint256 } : {}),
      });
      await servers.switchTo(server.id).catch(() => undefined);
      ui.setView('keys');
      ui.toast(`Added ${server.name}.`, 'success');
      ui.open({ kind: 'signIn', serverId: server.id });
    } catch (e) {
      const appError = toAppError(e);
      if (appError.code === 'tls_untrusted' && appError.certificate) {
        setCertificate(appError.certificate);
      } else {
        setCertificate(null);
        setError(appError);
      }
    } finally {
      setBusy(false);
    }
  }

  if (certificate) {
    return (
      <Dialog
        title="Trust this certificate?"
        onClose={() => ui.close()}
        testId="trust-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={() => setCertificate(null)}>
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void add(certificate.fingerprint256)}
            >
              Trust and add server
            </button>
          </>
        }
      >
        <p>
          <strong>{url}</strong> presented a certificate your system does not trust. Compare its
          fingerprint with the one your Rancher administrator gives you; trust it only if they
          match. Rancher Keys will accept only this certificate for this server.
        </p>
        <CertificateDetails certificate={certificate} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Add a Rancher server"
      onClose={() => ui.close()}
      testId="add-server-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="submit"
            form="add-server-form"
            className="button button-primary"
            disabled={busy || !url.trim()}
          >
            {busy ? 'Connecting…' : 'Add server'}
          </button>
        </>
      }
    >
      <form
        id="add-server-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span>Server address</span>
          <input
            type="text"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://rancher.example.com"
            autoComplete="url"
            spellCheck={false}
            required
            data-autofocus
          />
        </label>
        <label className="field">
          <span>
            Name <span className="hint">optional — shown in the sidebar</span>
          </span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <details className="advanced">
          <summary>Advanced</summary>
          <label className="field">
            <span>
              Custom CA certificate <span className="hint">PEM, for a private CA</span>
            </span>
            <textarea
              rows={4}
              value={caPem}
              onChange={(e) => setCaPem(e.target.value)}
              placeholder="-----BEGIN CERTIFICATE-----"
              spellCheck={false}
              className="mono"
            />
          </label>
          <label className="field field-inline">
            <span>Timeout (seconds)</span>
            <input
              type="number"
              min={1}
              max={120}
              value={timeoutS}
              onChange={(e) => setTimeoutS(e.target.value)}
              placeholder="15"
            />
          </label>
        </details>
        {error && <ErrorNotice error={error} compact />}
      </form>
    </Dialog>
  );
}
