import type { CertificateInfo } from '../../../electron/contract/errors';
import { formatDateTime } from '../format/time';

/** The facts a user checks before trusting a certificate. */
export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  return (
    <dl className="facts" data-testid="certificate-details">
      <dt>Subject</dt>
      <dd>{certificate.subject}</dd>
      <dt>Issuer</dt>
      <dd>{certificate.issuer}</dd>
      <dt>SHA-256 fingerprint</dt>
      <dd className="mono fingerprint" data-testid="certificate-fingerprint">
        {certificate.fingerprint256}
      </dd>
      <dt>Valid</dt>
      <dd>
        {formatDateTime(certificate.validFrom)} – {formatDateTime(certificate.validTo)}
      </dd>
    </dl>
  );
}
