import { X509Certificate } from 'node:crypto';

/** The most certificates taken from one source (a system bundle holds a few hundred). */
export const MAX_CERTIFICATES = 4_000;

/**
 * The certificates in a PEM text, each re-encoded from its parsed form: text between the markers
 * that is not a certificate is dropped, so a damaged or hostile file adds nothing but valid
 * certificates.
 */
export function certificatesFromPem(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g,
  )) {
    if (found.length >= MAX_CERTIFICATES) break;
    const pem = match[0].replace(/(BEGIN|END) TRUSTED CERTIFICATE/g, '$1 CERTIFICATE');
    const parsed = parseCertificate(pem);
    if (parsed) found.push(parsed);
  }
  return found;
}

/** A DER certificate in base64 (one line of the Windows export) as PEM, or null. */
export function certificateFromBase64(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+=*$/.test(trimmed)) return null;
  return parseCertificate(Buffer.from(trimmed, 'base64'));
}

function parseCertificate(input: string | Buffer): string | null {
  try {
    return new X509Certificate(input).toString();
  } catch {
    return null;
  }
}

/** Drops repeats (a directory holds each certificate under its name and its hash links). */
export function uniqueCertificates(pems: Iterable<string>): string[] {
  return [...new Set(pems)].slice(0, MAX_CERTIFICATES);
}
