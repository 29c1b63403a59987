import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { startHostileFront } from './hostile-front';

// The front is test infrastructure for the security suite; these checks keep it honest.
describe('hostile front', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ version: '2.13' });
  });
  afterAll(() => sim.close());

  const auth = () => ({ Authorization: `Bearer ${sim.admin.token}`, Accept: 'application/json' });

  it('passes requests through and points links at itself', async () => {
    const front = await startHostileFront({ target: sim.origin });
    try {
      const res = await fetch(`${front.url}/v3/tokens`, { headers: auth() });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain(sim.admin.tokenName);
      expect(text).toContain(front.url);
      expect(text).not.toContain(sim.origin);
      expect(front.requests.map((e) => `${e.request.method} ${e.request.path}`)).toEqual([
        'GET /v3/tokens',
      ]);
    } finally {
      await front.close();
    }
  });

  it('rewrites status, headers and body per request, and can reset', async () => {
    const front = await startHostileFront({
      target: sim.origin,
      rewrite(req, res) {
        if (req.path === '/v3/users') return 'reset';
        res.status = 201;
        res.headers['x-evil'] = 'yes';
        res.body = JSON.stringify({ replaced: req.url });
      },
    });
    try {
      const res = await fetch(`${front.url}/rancherversion`);
      expect(res.status).toBe(201);
      expect(res.headers.get('x-evil')).toBe('yes');
      expect(await res.json()).toEqual({ replaced: '/rancherversion' });
      await expect(fetch(`${front.url}/v3/users?me=true`, { headers: auth() })).rejects.toThrow();
      front.setRewrite(undefined);
      expect((await fetch(`${front.url}/v3/users?me=true`, { headers: auth() })).status).toBe(200);
    } finally {
      await front.close();
    }
  });

  it('serves HTTPS with its own CA in front of an HTTPS target', async () => {
    const tlsSim = await startRancherSim({ version: '2.13', tls: true });
    const front = await startHostileFront({ target: tlsSim.origin, tls: true });
    try {
      expect(front.url).toMatch(/^https:/);
      expect(front.fingerprint256).toMatch(/^[0-9A-F:]+$/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(`${front.url}/rancherversion`, { ca: front.caPem }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ Version: 'v2.13.1' });
    } finally {
      await front.close();
      await tlsSim.close();
    }
  });
});
