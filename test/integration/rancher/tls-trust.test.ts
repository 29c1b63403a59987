import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import type { TlsTrust } from '../../../electron/core/rancher/rancher-client';
import { fetchPeerCertificate } from '../../../electron/core/rancher/tls';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { failure } from '../../support/failure';

function client(sim: RancherSim, tls: TlsTrust) {
  return createRancherClient({
    origin: sim.origin,
    tls,
    timeoutMs: 5_000,
    credential: () => Promise.resolve(sim.admin.token),
    appVersion: 'test',
    version: sim.profile.versionString,
  });
}

describe('RancherClient TLS trust', () => {
  let sim: RancherSim;
  beforeEach(async () => {
    sim = await startRancherSim({ version: '2.13', tls: true });
  });
  afterEach(() => sim.close());

  it('fails tls_untrusted with the certificate details when the CA is unknown', async () => {
    const error = await failure(client(sim, {}).me());
    expect(error.code).toBe('tls_untrusted');
    expect(error.certificateChanged).toBeUndefined();
    expect(error.certificate).toMatchObject({
      subject: 'CN=127.0.0.1',
      issuer: expect.stringContaining('rancher-sim CA') as string,
      fingerprint256: sim.fingerprint256,
    });
    expect(Date.parse(error.certificate!.validTo)).toBeGreaterThan(Date.now());
    expect(Date.parse(error.certificate!.validFrom)).toBeLessThan(Date.now());
    expect(sim.requests).toHaveLength(0);
  });

  it('trusts a certificate on first use through its pin and captured anchor, without the CA', async () => {
    const peer = await fetchPeerCertificate(sim.origin, 5_000);
    expect(peer.info.fingerprint256).toBe(sim.fingerprint256);
    const me = await client(sim, {
      fingerprint256: sim.fingerprint256,
      anchorPem: peer.anchorPem,
    }).me();
    expect(me.id).toBe(sim.admin.id);
  });

  it('accepts a pinned certificate that also chains to the custom CA', async () => {
    const me = await client(sim, { caPem: sim.caPem, fingerprint256: sim.fingerprint256 }).me();
    expect(me.id).toBe(sim.admin.id);
  });

  it('refuses a changed certificate and sends nothing to the server when the pin no longer matches', async () => {
    const pinned = client(sim, { caPem: sim.caPem, fingerprint256: sim.fingerprint256 });
    await pinned.me();
    const before = sim.requests.length;
    const rotated = await sim.rotateCertificate();
    const error = await failure(pinned.listTokens());
    expect(error.code).toBe('tls_untrusted');
    expect(error.certificateChanged).toBe(true);
    expect(error.certificate?.fingerprint256).toBe(rotated.fingerprint256);
    expect(error.message).toContain('Nothing was sent');
    // The request log proves no request (and so no Authorization header) reached the server.
    expect(sim.requests.length).toBe(before);
  });

  it('refuses a changed certificate of a server trusted on first use (leaf anchor)', async () => {
    const peer = await fetchPeerCertificate(sim.origin, 5_000);
    const pinned = client(sim, { fingerprint256: sim.fingerprint256, anchorPem: peer.anchorPem });
    await sim.rotateCertificate({ newCa: true });
    const before = sim.requests.length;
    const error = await failure(pinned.me());
    expect(error).toMatchObject({ code: 'tls_untrusted', certificateChanged: true });
    expect(error.certificate?.fingerprint256).toBe(sim.fingerprint256);
    expect(sim.requests.length).toBe(before);
  });

  it('fails tls_untrusted saying the certificate expired when it has', async () => {
    await sim.rotateCertificate({ expired: true });
    const error = await failure(client(sim, { caPem: sim.caPem }).me());
    expect(error.code).toBe('tls_untrusted');
    expect(error.message).toContain('expired');
    expect(error.certificate?.fingerprint256).toBe(sim.fingerprint256);
  });

  it('fails tls_untrusted naming the mismatch when the certificate is for another host', async () => {
    await sim.rotateCertificate({ hosts: ['rancher.example.com'] });
    const error = await failure(client(sim, { caPem: sim.caPem }).me());
    expect(error.code).toBe('tls_untrusted');
    expect(error.message).toContain('another name');
  });
});
