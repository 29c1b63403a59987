import { X509Certificate, generateKeyPair, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A certificate authority the simulator signs its server certificates with. */
export interface SimCa {
  certPem: string;
  keyPem: string;
  fingerprint256: string;
}

/** The certificate and key a TLS server presents. */
export interface ServerCert {
  certPem: string;
  keyPem: string;
  /** Colon-separated uppercase hex, as `X509Certificate.fingerprint256`. */
  fingerprint256: string;
}

/** Options of {@link issueServerCert}. */
export interface IssueOptions {
  /** DNS names and IP addresses for the subjectAltName. */
  hosts?: string[];
  /** Issue a certificate whose validity ended yesterday. */
  expired?: boolean;
  /** Reuse the cached server key pair (fast); a fresh one otherwise. */
  freshKey?: boolean;
}

// Node's keygen is far faster than forge's pure-JS RSA; forge is only used to build and sign.
// Async keygen runs on the libuv pool, so the CA and server keys are generated in parallel.
interface KeyPair {
  publicPem: string;
  privatePem: string;
}
function rsaKeyPair(): Promise<KeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, publicPem, privatePem) => (err ? reject(err) : resolve({ publicPem, privatePem })),
    );
  });
}

function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

let cachedCa: Promise<SimCa> | undefined;
let cachedServerKey: Promise<KeyPair> | undefined;

/** Creates a CA; the first one of the process is cached so servers start fast. */
export function createCa(options: { fresh?: boolean } = {}): Promise<SimCa> {
  if (!options.fresh) {
    cachedServerKey ??= rsaKeyPair();
    cachedCa ??= buildCa();
    return cachedCa;
  }
  return buildCa();
}

async function buildCa(): Promise<SimCa> {
  const keys = await rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: `rancher-sim CA ${randomBytes(3).toString('hex')}` },
    { name: 'organizationName', value: 'rancher-sim' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privatePem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, keyPem: keys.privatePem, fingerprint256: fingerprintOf(certPem) };
}

/** Issues a server certificate for loopback names, signed by `ca`. */
export async function issueServerCert(ca: SimCa, options: IssueOptions = {}): Promise<ServerCert> {
  cachedServerKey ??= rsaKeyPair();
  const keys = await (options.freshKey ? rsaKeyPair() : cachedServerKey);
  const hosts = options.hosts ?? ['127.0.0.1', 'localhost', '::1'];
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  // A fresh serial gives every issued certificate a distinct fingerprint, even with the same key.
  cert.serialNumber = '02' + randomBytes(8).toString('hex');
  const day = 24 * 3600_000;
  cert.validity.notBefore = new Date(Date.now() - (options.expired ? 30 : 1) * day);
  cert.validity.notAfter = new Date(Date.now() + (options.expired ? -1 : 365) * day);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  const altNames = hosts.map((h) =>
    /^[\d.]+$/.test(h) || h.includes(':') ? { type: 7, ip: h } : { type: 2, value: h },
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, keyPem: keys.privatePem, fingerprint256: fingerprintOf(certPem) };
}
