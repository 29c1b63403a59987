import type { CertificateInfo } from '../../../electron/contract/errors';
import type { PlaintextFinding } from '../../../electron/contract/plaintext';
import { CertificateDetails } from '../servers/CertificateDetails';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';

/**
 * From an import result refused for an untrusted certificate: the certificate to compare, then,
 * if the user trusts it, the server pinned to it (added when the import could not add it) and
 * that token imported again. Back returns to the results unchanged.
 */
export function TrustForImport({
  finding,
  rowId,
  certificate,
  onBack,
}: {
  finding: PlaintextFinding & { serverUrl: string };
  rowId: string;
  certificate: CertificateInfo;
  onBack: () => void;
}) {
  const { servers, plaintext } = useStores();
  const { busy, error, run } = useSubmit();

  const trust = () =>
    run(async () => {
      const { fingerprint256 } = certificate;
      const known = servers.store.getState().servers.find((s) => s.origin === finding.serverUrl);
      if (known) await servers.update({ id: known.id, fingerprint256 });
      else await servers.add({ url: finding.serverUrl, fingerprint256 });
      await plaintext.retryImport(finding, rowId);
      onBack();
    });

  return (
    <Dialog
      title="Trust this certificate?"
      wide
      onClose={onBack}
      testId="plaintext-trust"
      footer={
        <>
          <button type="button" className="button" onClick={onBack} data-autofocus>
            Back
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void trust()}
          >
            {busy ? 'Importing…' : 'Trust and import again'}
          </button>
        </>
      }
    >
      <p>
        <strong>
          <bdi>{finding.serverUrl}</bdi>
        </strong>{' '}
        presented a certificate your system does not trust. Compare its fingerprint with the one
        your Rancher administrator gives you; trust it only if they match. Rancher Keys will then
        accept only this certificate for this server and import <bdi>{finding.accessKey}</bdi>{' '}
        again.
      </p>
      <CertificateDetails certificate={certificate} />
      {error && <ErrorNotice error={error} compact />}
    </Dialog>
  );
}
