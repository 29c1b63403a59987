import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { ServerCert, SimCa } from './tls';
import { createCa, issueServerCert } from './tls';

const pair = z.object({ certPem: z.string(), keyPem: z.string(), fingerprint256: z.string() });
const cacheSchema = z.object({ ca: pair, cert: pair });
const DAY = 24 * 3600_000;

/** Where the CLI keeps its CA and certificate between runs (per user, mode 0600). */
export function tlsCachePath(): string {
  return join(tmpdir(), `rancher-sim-tls-${userInfo().uid}.json`);
}

/**
 * The CLI's TLS material: reused from the last run while the certificate is valid for at least a
 * day, so `npm run rancher-sim -- --tls` starts without generating RSA keys (about 0.4 s), and a
 * client that trusted the CA once keeps trusting it. Tests never use this: they get fresh material.
 */
export async function cachedTlsMaterial(
  file = tlsCachePath(),
): Promise<{ ca: SimCa; cert: ServerCert }> {
  try {
    const cached = cacheSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (Date.parse(new X509Certificate(cached.cert.certPem).validTo) > Date.now() + DAY)
      return cached;
  } catch {
    // missing, unreadable or expired: make new material below
  }
  const ca = await createCa();
  const cert = await issueServerCert(ca);
  writeFileSync(file, JSON.stringify({ ca, cert }), { mode: 0o600 });
  return { ca, cert };
}
