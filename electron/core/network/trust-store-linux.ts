import path from 'node:path';
import { certificatesFromPem, MAX_CERTIFICATES, uniqueCertificates } from './pem-bundle';

/** The file access the Linux reader needs (Node's fs in the app). */
export interface FileReader {
  /** The file's text, or null when it does not exist (or is not a file). */
  readText(file: string, maxBytes: number): Promise<string | null>;
  /** The names in a directory, or null when it does not exist. */
  list(dir: string): Promise<string[] | null>;
}

/** Where distributions keep their bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/Arch). */
export const LINUX_BUNDLE_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/ssl/cert.pem',
];
export const LINUX_CERT_DIR = '/etc/ssl/certs';

const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
const MAX_FILE_BYTES = 256 * 1024;

async function fromDir(files: FileReader, dir: string): Promise<string[]> {
  const names = ((await files.list(dir)) ?? []).sort().slice(0, MAX_CERTIFICATES);
  const found: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const text = await files.readText(path.join(dir, name), MAX_FILE_BYTES).catch(() => null);
    if (text) found.push(...certificatesFromPem(text));
  }
  return found;
}

/**
 * The system bundle as OpenSSL finds it: `SSL_CERT_FILE` and `SSL_CERT_DIR` when set (they replace
 * the defaults), else the first bundle file of {@link LINUX_BUNDLE_FILES} that exists, else the
 * certificates in `/etc/ssl/certs`.
 */
export async function linuxCertificates(
  env: NodeJS.ProcessEnv,
  files: FileReader,
): Promise<string[]> {
  const certFile = env.SSL_CERT_FILE?.trim();
  const certDirs = (env.SSL_CERT_DIR ?? '')
    .split(':')
    .map((d) => d.trim())
    .filter(Boolean);
  if (certFile || certDirs.length > 0) {
    const found: string[] = [];
    if (certFile)
      found.push(...certificatesFromPem((await files.readText(certFile, MAX_BUNDLE_BYTES)) ?? ''));
    for (const dir of certDirs) found.push(...(await fromDir(files, dir)));
    return uniqueCertificates(found);
  }
  for (const file of LINUX_BUNDLE_FILES) {
    const text = await files.readText(file, MAX_BUNDLE_BYTES);
    if (text !== null) return uniqueCertificates(certificatesFromPem(text));
  }
  return uniqueCertificates(await fromDir(files, LINUX_CERT_DIR));
}
