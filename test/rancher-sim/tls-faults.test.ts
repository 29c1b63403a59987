import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { startRancherSim } from './index';
import { call } from './test-client';

/** Connects without trusting anything and reports the presented leaf fingerprint. */
function peerFingerprint(sim: RancherSim): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}/ping`, { rejectUnauthorized: false, agent: false }, (res) => {
      const cert = (res.socket as TLSSocket).getPeerCertificate();
      res.resume();
      resolve(cert.fingerprint256);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rancher-sim TLS', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ tls: true });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('is trusted when the client uses the generated CA', async () => {
    const res = await call(sim, 'GET', '/ping');
    expect(res.status).toBe(200);
    expect(res.text).toBe('pong');
    expect(sim.url.startsWith('https://127.0.0.1:')).toBe(true);
  });

  it('is rejected when the client trusts only the system roots', async () => {
    await expect(call(sim, 'GET', '/ping', { ca: '' })).rejects.toThrow();
  });

  it('presents a leaf whose fingerprint matches fingerprint256 when pinned', async () => {
    expect(sim.fingerprint256).toBe(new X509Certificate(sim.certPem ?? '').fingerprint256);
    expect(await peerFingerprint(sim)).toBe(sim.fingerprint256);
    expect(sim.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('changes the fingerprint but keeps the CA when the certificate is rotated', async () => {
    const before = sim.fingerprint256;
    const { fingerprint256 } = await sim.rotateCertificate();
    expect(fingerprint256).not.toBe(before);
    expect(await peerFingerprint(sim)).toBe(fingerprint256);
    expect((await call(sim, 'GET', '/ping')).status).toBe(200);
  });

  it('breaks trust in the old CA when rotated with a new CA', async () => {
    const oldCa = sim.caPem ?? '';
    await sim.rotateCertificate({ newCa: true });
    await expect(call(sim, 'GET', '/ping', { ca: oldCa })).rejects.toThrow();
    expect((await call(sim, 'GET', '/ping')).status).toBe(200);
  });

  it('publishes the CA at /v3/settings/cacerts without authentication (§5.4)', async () => {
    const res = await call(sim, 'GET', '/v3/settings/cacerts');
    expect(res.status).toBe(200);
    expect(res.json<{ value: string }>().value).toBe(sim.caPem);
  });
});

describe('rancher-sim faults', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim();
  });
  afterEach(() => {
    sim.faults.clear();
  });
  afterAll(async () => {
    await sim.close();
  });
  const get = (path = '/v3/tokens') => call(sim, 'GET', path, { bearer: sim.admin.token });

  it('answers a fixed status when a status fault matches the path prefix', async () => {
    sim.faults.add({ path: '/v3/tokens', action: { kind: 'status', status: 503 } });
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/html');
    expect((await get('/v3/users?me=true')).status).toBe(200);
  });

  it('applies a fault only to the given method and number of times', async () => {
    sim.faults.add({
      method: 'GET',
      path: /^\/v3\/tokens/,
      times: 1,
      action: { kind: 'status', status: 500 },
    });
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(200);
  });

  it('adds latency when a latency fault matches', async () => {
    sim.faults.add({ path: '/v3', action: { kind: 'latency', ms: 150 } });
    const t = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });

  it('resets the connection when a reset fault matches', async () => {
    sim.faults.add({ path: '/v3', action: { kind: 'reset' } });
    await expect(get()).rejects.toThrow(/ECONNRESET|socket hang up/);
  });

  it('sends truncated JSON when a truncated-json fault matches', async () => {
    sim.faults.add({ path: '/v3', action: { kind: 'truncated-json' } });
    const res = await get();
    expect(res.status).toBe(200);
    expect(() => res.json()).toThrow();
  });

  it('drops the connection mid-body when truncated-json aborts', async () => {
    sim.faults.add({ path: '/v3', action: { kind: 'truncated-json', abort: true } });
    await expect(get()).rejects.toThrow();
  });

  it('sends invalid JSON and HTML bodies when those faults match', async () => {
    sim.faults.add({ path: '/v3/tokens', action: { kind: 'invalid-json' } });
    sim.faults.add({ path: '/v3/users', action: { kind: 'html' } });
    const a = await get();
    expect(a.headers['content-type']).toBe('application/json');
    expect(() => a.json()).toThrow();
    const b = await get('/v3/users');
    expect(b.headers['content-type']).toContain('text/html');
  });

  it('redirects to the same origin or another origin when a redirect fault matches', async () => {
    sim.faults.add({
      path: '/v3/tokens',
      times: 1,
      action: { kind: 'redirect', location: '/v3/users' },
    });
    const same = await get();
    expect(same.status).toBe(302);
    expect(same.headers.location).toBe(`${sim.url}/v3/users`);
    sim.faults.add({
      path: '/v3/tokens',
      action: { kind: 'redirect', status: 307, location: 'http://127.0.0.2:1/v3/tokens' },
    });
    const other = await get();
    expect(other.status).toBe(307);
    expect(other.headers.location).toBe('http://127.0.0.2:1/v3/tokens');
  });

  it('dribbles the body when a slow-body fault matches', async () => {
    sim.faults.add({ path: '/ping', action: { kind: 'slow-body', intervalMs: 50, chunkBytes: 1 } });
    const t = Date.now();
    const res = await call(sim, 'GET', '/ping');
    expect(res.text).toBe('pong');
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
  });

  it('never answers when a hang fault matches', async () => {
    sim.faults.add({ path: '/ping', action: { kind: 'hang' } });
    const pending = call(sim, 'GET', '/ping').then(
      () => 'answered',
      () => 'dropped',
    );
    const outcome = await Promise.race([
      pending,
      new Promise((r) => setTimeout(() => r('timeout'), 300)),
    ]);
    expect(outcome).toBe('timeout');
    sim.faults.clear();
    await sim.close();
    expect(await pending).toBe('dropped');
    sim = await startRancherSim();
  });
});
