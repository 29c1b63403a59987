import { AppFailure } from '../app-failure';
import { certificateFailure, networkFailure } from '../rancher/failures';
import { fetchPeerCertificate, normaliseFingerprint } from '../rancher/tls';

/**
 * Trust on first use: the user reviewed a certificate (from a `tls_untrusted` error) and sends its
 * fingerprint back. The certificate the server presents now must be that one; its chain's root (or
 * the leaf itself) becomes the trust anchor, and the fingerprint the pin checked on every request.
 */
export async function captureTrust(
  origin: string,
  fingerprint: string | null,
  timeoutMs: number,
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
    peer = await fetchPeerCertificate(origin, Math.min(timeoutMs, 10_000));
  } catch (error) {
    throw networkFailure((error as { code?: string }).code, { origin });
  }
  if (peer.info.fingerprint256 !== pin) {
    throw certificateFailure({ origin }, peer.info, true, undefined);
  }
  return { fingerprint256: pin, anchorPem: peer.anchorPem };
}
