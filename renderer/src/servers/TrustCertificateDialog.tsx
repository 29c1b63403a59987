import type { CertificateInfo } from '../../../electron/contract/errors';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
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
  const { busy, error, run } = useSubmit();

  const trust = () =>
    run(async () => {
      await servers.update({ id: serverId, fingerprint256: certificate.fingerprint256 });
      ui.close();
      ui.toast('Certificate trusted.', 'success');
      void keys.refresh();
    });

  return (
    <FormDialog
      title="Trust this certificate?"
      testId="trust-dialog"
      submitLabel="Trust certificate"
      busy={busy}
      onSubmit={trust}
      error={error}
    >
      <p>
        The server presented a certificate Rancher Keys does not trust. Compare its fingerprint with
        the one your Rancher administrator gives you; trust it only if they match.
      </p>
      <CertificateDetails certificate={certificate} />
    </FormDialog>
  );
}
