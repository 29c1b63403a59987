import { certificatesFromPem, uniqueCertificates } from './pem-bundle';
import type { RunProgram } from './trust-store';

/** Apple's roots and the System keychain, where administrators and MDM install company CAs. */
export const DARWIN_KEYCHAINS = [
  '/System/Library/Keychains/SystemRootCertificates.keychain',
  '/Library/Keychains/System.keychain',
];

/**
 * macOS without Node's system-store reader: the certificates of the system keychains, exported as
 * PEM by `security find-certificate -a -p` (a fixed program and arguments; no shell).
 */
export async function darwinCertificates(run: RunProgram): Promise<string[]> {
  const output = await run('/usr/bin/security', [
    'find-certificate',
    '-a',
    '-p',
    ...DARWIN_KEYCHAINS,
  ]);
  return uniqueCertificates(certificatesFromPem(output));
}
