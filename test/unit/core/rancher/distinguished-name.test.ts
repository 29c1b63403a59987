import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { parseDistinguishedName } from '../../../../electron/core/rancher/distinguished-name';
import { certificateInfoOf } from '../../../../electron/core/rancher/tls';

/** A real self-signed certificate whose subject has the given attributes (built with forge). */
function certWith(subject: { shortName: string; value: string }[]): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  // UTF8String, so non-ASCII (bidi controls) survives encoding.
  const attrs = subject.map((a) => ({
    shortName: a.shortName,
    value: a.value,
    // forge's typings call this a Class, but it is read as the universal tag (UTF8String = 12).
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  }));
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

describe('parseDistinguishedName', () => {
  it('keeps an escaped comma inside one value: `O=Evil\\, O=DigiCert Inc` is ONE field', () => {
    expect(parseDistinguishedName('C=US\nO=Evil\\, O=DigiCert Inc\nCN=example.com')).toEqual([
      { name: 'C', value: 'US' },
      { name: 'O', value: 'Evil, O=DigiCert Inc' },
      { name: 'CN', value: 'example.com' },
    ]);
  });

  it('splits multi-valued RDNs at unescaped ` + ` only, and keeps hex escapes as written', () => {
    expect(parseDistinguishedName('O=Second + CN=multi\\+plus\nCN=a\\\\b\\0A')).toEqual([
      { name: 'O', value: 'Second' },
      { name: 'CN', value: 'multi+plus' },
      { name: 'CN', value: 'a\\b\\0A' },
    ]);
  });

  it('neutralises bidi and control characters in values', () => {
    const [field] = parseDistinguishedName('CN=bank\u202Emoc.live\u0007');
    expect(field?.value).toBe('bank\ufffdmoc.live\ufffd');
  });
});

describe('certificateInfoOf on a real certificate', () => {
  it('sends a subject organisation containing ", O=" as one field', () => {
    const pem = certWith([
      { shortName: 'O', value: 'Evil, O=DigiCert Inc' },
      { shortName: 'CN', value: 'rancher.example.com' },
    ]);
    const info = certificateInfoOf(pem);
    expect(info?.subjectFields).toEqual([
      { name: 'O', value: 'Evil, O=DigiCert Inc' },
      { name: 'CN', value: 'rancher.example.com' },
    ]);
    expect(info?.issuerFields?.filter((f) => f.name === 'O')).toHaveLength(1);
  });

  it('neutralises a U+202E in the subject', () => {
    const info = certificateInfoOf(certWith([{ shortName: 'CN', value: 'evil\u202Emoc.rehcnar' }]));
    expect(info?.subject).not.toMatch(/\u202E/);
    expect(info?.subjectFields?.[0]?.value).toBe('evil\ufffdmoc.rehcnar');
  });
});
