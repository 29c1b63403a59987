import type { CertificateInfo } from '../../../electron/contract/errors';
import { CertificateDetails } from './CertificateDetails';

/** The CA of a TLS-inspecting proxy and the certificate it made, for the user to review. */
export interface InterceptedChain {
  issuer: CertificateInfo;
  certificate: CertificateInfo | null;
}

/**
 * What a user reads before trusting a TLS-inspecting proxy's CA for one server: what happened, the
 * CA (compare it with what the IT team publishes), and the certificate seen through the proxy.
 */
export function ProxyCaReview({ chain, host }: { chain: InterceptedChain; host: string }) {
  return (
    <div className="proxy-ca-review" data-testid="proxy-ca-review">
      <p>
        Between you and <strong>{host}</strong>, a proxy re-signs TLS certificates with its own CA
        (corporate TLS inspection). Trust this CA only if it is your organisation&apos;s: compare
        its fingerprint with the one your IT team publishes. It will be trusted for this server
        only; the proxy can then read what Rancher Keys sends to this server.
      </p>
      <h3>The proxy&apos;s CA</h3>
      <CertificateDetails certificate={chain.issuer} />
      {chain.certificate && (
        <details className="advanced">
          <summary>The certificate seen through the proxy</summary>
          <CertificateDetails certificate={chain.certificate} />
        </details>
      )}
    </div>
  );
}

/** The chain to review when an error says a proxy intercepts TLS and names its CA; else null. */
export function interceptedChain(error: {
  proxy?: string | undefined;
  issuerCertificate?: CertificateInfo | undefined;
  certificate?: CertificateInfo | undefined;
}): InterceptedChain | null {
  if (error.proxy !== 'intercepting' || !error.issuerCertificate) return null;
  return { issuer: error.issuerCertificate, certificate: error.certificate ?? null };
}
