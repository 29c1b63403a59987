import type { CertificateInfo, DnField } from '../../../electron/contract/errors';
import { formatDateTime } from '../format/time';

/**
 * A distinguished name one attribute per row, so a value such as `Evil, O=DigiCert Inc` reads as
 * one organisation, not two. Preact renders values as text (never markup); the core already
 * neutralised bidi and control characters. Older answers without fields show the one-line form.
 */
function DistinguishedName({ fields, text }: { fields: DnField[] | undefined; text: string }) {
  if (!fields || fields.length === 0) return <>{text}</>;
  return (
    <dl className="dn-fields">
      {fields.map((field, index) => (
        <div key={index} className="dn-field">
          <dt className="mono">{field.name || '?'}</dt>
          <dd>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The facts a user checks before trusting a certificate. */
export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  return (
    <dl className="facts" data-testid="certificate-details">
      <dt>Subject</dt>
      <dd data-testid="certificate-subject">
        <DistinguishedName fields={certificate.subjectFields} text={certificate.subject} />
      </dd>
      <dt>Issuer</dt>
      <dd data-testid="certificate-issuer">
        <DistinguishedName fields={certificate.issuerFields} text={certificate.issuer} />
      </dd>
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
