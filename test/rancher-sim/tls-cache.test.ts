import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedTlsMaterial } from './tls-cache';
import { createCa, issueServerCert } from './tls';

const dir = mkdtempSync(join(tmpdir(), 'rancher-sim-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cachedTlsMaterial (the CLI only)', () => {
  it('writes its material with mode 0600 and reuses it on the next run', async () => {
    const file = join(dir, 'a.json');
    const first = await cachedTlsMaterial(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await cachedTlsMaterial(file);
    expect(second.cert.fingerprint256).toBe(first.cert.fingerprint256);
    expect(
      new X509Certificate(second.cert.certPem).checkIssued(new X509Certificate(second.ca.certPem)),
    ).toBe(true);
  });

  it('makes new material when the cached certificate has expired', async () => {
    const file = join(dir, 'b.json');
    const ca = await createCa({ fresh: true });
    const expired = await issueServerCert(ca, { expired: true });
    writeFileSync(file, JSON.stringify({ ca, cert: expired }));
    const material = await cachedTlsMaterial(file);
    expect(material.cert.fingerprint256).not.toBe(expired.fingerprint256);
    expect(Date.parse(new X509Certificate(material.cert.certPem).validTo)).toBeGreaterThan(
      Date.now(),
    );
  });

  it('makes new material when the cache file is not what it wrote', async () => {
    const file = join(dir, 'c.json');
    writeFileSync(file, '{"ca": 1}');
    const material = await cachedTlsMaterial(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      cert: { fingerprint256: material.cert.fingerprint256 },
    });
  });
});
