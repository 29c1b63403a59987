import { AppFailure } from '../app-failure';
import { proxyConnectionFailure } from '../network/connection-failures';
import { certificateFailure, networkFailure } from '../rancher/failures';
import { fetchPeerCertificate, normaliseFingerprint, type DialTarget } from '../rancher/tls';

/**
 * Trust on first use: the user reviewed a certificate (from a `tls_untrusted` error) and sends its
 * fingerprint back. The certificate the server presents now must be that one; its chain's root (or
 * the leaf itself) becomes the trust anchor, and the fingerprint the pin checked on every request.
 */
export async function captureTrust(
  origin: string,
  fingerprint: string | null,
  timeoutMs: number,
  dial?: DialTarget,
): Promise<{ fingerprint256: string | null; anchorPem: string | null }> {
  if (!fingerprint) return { fingerprint256: null, anchorPem: null };
  if (!origin.startsWith('https:')) {
    throw new AppFailure(
      'invalid_input',
      'A certificate fingerprint only applies to https:// servers. Use the https:// address, or leave the fingerprint empty.',
    );
  }
  const pin = normaliseFingerprint(fingerprint);
  let peer;
  try {
    peer = await fetchPeerCertificate(origin, Math.min(timeoutMs, 10_000), dial);
  } catch (error) {
    throw connectFailure(error, origin);
  }
  if (peer.info.fingerprint256 !== pin) {
    throw certificateFailure({ origin }, peer.info, true, undefined);
  }
  return { fingerprint256: pin, anchorPem: peer.anchorPem };
}

function connectFailure(error: unknown, origin: string): AppFailure {
  return (
    proxyConnectionFailure(error, { origin }) ??
    networkFailure((error as { code?: string }).code, { origin })
  );
}

/**
 * Trusting a TLS-inspecting proxy's CA for one server: the user saw that CA (the issuer in an
 * `intercepting` error) and sends its fingerprint back. The chain seen through the proxy now must
 * still end in that CA; its PEM is returned to be stored with the server.
 */
export async function captureProxyCa(
  origin: string,
  fingerprint: string,
  timeoutMs: number,
  dial: DialTarget,
): Promise<string> {
  const wanted = normaliseFingerprint(fingerprint);
  let peer;
  try {
    peer = await fetchPeerCertificate(origin, Math.min(timeoutMs, 10_000), dial);
  } catch (error) {
    throw connectFailure(error, origin);
  }
  if (peer.issuer?.info.fingerprint256 !== wanted) {
    throw new AppFailure(
      'invalid_input',
      `The certificate seen through the proxy is no longer signed by the CA you reviewed. Try again, and review the certificate it shows now.`,
      { proxy: 'intercepting' },
    );
  }
  return peer.issuer.pem;
}
