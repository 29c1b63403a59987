import { useState } from 'react';
import type { AppError, CertificateInfo } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { CertificateDetails } from './CertificateDetails';

/** Trust a (new or changed) certificate of a server already added: pins its fingerprint. */
export function TrustCertificateDialog({
  serverId,
  certificate,
}: {
  serverId: string;
  certificate: CertificateInfo;
}) {
  const { servers, keys, ui } = useStores();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function trust() {
    setBusy(true);
    try {
      await servers.update({ id: serverId, fingerprint256: certificate.fingerprint256 });
      ui.close();
      ui.toast('Certificate trusted.', 'success');
      void keys.refresh();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      title="Trust this certificate?"
      onClose={() => ui.close()}
      testId="trust-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void trust()}
          >
            Trust certificate
          </button>
        </>
      }
    >
      <p>
        The server presented a certificate Rancher Keys does not trust. Compare its fingerprint with
        the one your Rancher administrator gives you; trust it only if they match.
      </p>
      <CertificateDetails certificate={certificate} />
      {error && <ErrorNotice error={error} compact />}
    </Dialog>
  );
}
