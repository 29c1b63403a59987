import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RancherSim } from './index';
import { startRancherSim } from './index';
import { call } from './test-client';

const ELECTRON_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) rancher-keys/0.1.0 Chrome/140.0 Electron/45.5.0 Safari/537.36';

describe('rancher-sim browser traps', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim();
  });
  afterAll(async () => {
    await sim.close();
  });

  // §10.15 trap 1
  it('serves HTML when a mozilla UA sends Accept */* (§10.15)', async () => {
    const res = await call(sim, 'GET', '/v3/tokens', {
      bearer: sim.admin.token,
      headers: { 'User-Agent': ELECTRON_UA, Accept: '*/*' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.text.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('serves JSON when a mozilla UA asks for application/json or ?_format=json (§1.3)', async () => {
    const a = await call(sim, 'GET', '/v3/tokens', {
      bearer: sim.admin.token,
      headers: { 'User-Agent': ELECTRON_UA, Accept: 'application/json' },
    });
    expect(a.headers['content-type']).toBe('application/json');
    const b = await call(sim, 'GET', '/v3/tokens?_format=json', {
      bearer: sim.admin.token,
      headers: { 'User-Agent': ELECTRON_UA, Accept: '*/*' },
    });
    expect(b.headers['content-type']).toBe('application/json');
  });

  // §10.15 trap 2
  it('rejects a non-GET from a mozilla UA with 422 and sets a CSRF cookie when none is sent (§10.15)', async () => {
    const res = await call(sim, 'POST', '/v3/tokens', {
      bearer: sim.admin.token,
      headers: { 'User-Agent': ELECTRON_UA },
      body: { description: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ code: 'InvalidCSRFToken', message: 'Invalid CSRF token' });
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^CSRF=[0-9a-f]{32}; Path=\/; Secure; SameSite=Lax$/);
    const value = cookie.slice(5, 37);
    const retry = await call(sim, 'POST', '/v3/tokens', {
      bearer: sim.admin.token,
      headers: { 'User-Agent': ELECTRON_UA, Cookie: `CSRF=${value}`, 'X-API-CSRF': value },
      body: { description: 'x' },
    });
    expect(retry.status).toBe(201);
  });

  it('skips the CSRF check on /v1-public/login when the UA is a browser (§1.3)', async () => {
    const res = await call(sim, 'POST', '/v1-public/login', {
      headers: { 'User-Agent': ELECTRON_UA },
      body: { type: 'localProvider', username: 'admin', password: sim.admin.password },
    });
    expect(res.status).toBe(201);
  });

  it('disarms both traps when browserTraps is false', async () => {
    const plain = await startRancherSim({ browserTraps: false });
    try {
      const res = await call(plain, 'POST', '/v3/tokens', {
        bearer: plain.admin.token,
        headers: { 'User-Agent': ELECTRON_UA, Accept: '*/*' },
        body: {},
      });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toBe('application/json');
    } finally {
      await plain.close();
    }
  });
});
