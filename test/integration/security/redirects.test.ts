import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import { createTransport } from '../../../electron/core/rancher/http';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { failure } from '../../support/failure';
import { startHostileFront, type HostileFront } from './hostile-front';

// Issue 9, class 10: a redirect whose path leaves the origin (`//host:port/…`, reached through
// dot segments) must never be followed: the credential would go to another host.
describe('redirects that leave the origin through the path', () => {
  let sim: RancherSim;
  let other: RancherSim;
  let front: HostileFront;
  let location = '';
  beforeAll(async () => {
    [sim, other] = await Promise.all([startRancherSim(), startRancherSim()]);
    front = await startHostileFront({
      target: sim.origin,
      rewrite(req, res) {
        if (req.path !== '/v3/users' || !location) return;
        res.status = 302;
        res.headers.location = location;
        res.body = '';
      },
    });
  });
  afterAll(() => Promise.all([front.close(), sim.close(), other.close()]));

  const otherHost = () => new URL(other.origin).host;
  const me = () =>
    createRancherClient({
      origin: front.url,
      tls: {},
      timeoutMs: 5_000,
      credential: () => Promise.resolve(sim.admin.token),
      appVersion: 'test',
      version: 'v2.13.1',
    }).me();

  for (const shape of [
    (host: string) => `/.//${host}/v3/users?me=true`,
    (host: string) => `//${host}/v3/users?me=true`,
    (host: string) => `/x/..//${host}/v3/users?me=true`,
    (host: string) => `/%2e//${host}/v3/users?me=true`,
  ]) {
    it(`refuses ${shape('HOST')} and sends nothing to the other host`, async () => {
      location = shape(otherHost());
      const before = other.requests.length;
      const error = await failure(me());
      expect(error.code).toBe('server_error');
      expect(other.requests.length).toBe(before);
    });
  }

  it('still follows a plain same-origin redirect', async () => {
    location = '/v3/users?me=true&again=1';
    let first = true;
    front.setRewrite((req, res) => {
      if (req.path !== '/v3/users' || !first) return;
      first = false;
      res.status = 302;
      res.headers.location = location;
      res.body = '';
    });
    expect((await me()).id).toBe(sim.admin.id);
  });
});

describe('the per-server transport builds every URL on its origin', () => {
  let sim: RancherSim;
  let other: RancherSim;
  beforeAll(async () => {
    [sim, other] = await Promise.all([startRancherSim(), startRancherSim()]);
  });
  afterAll(() => Promise.all([sim.close(), other.close()]));

  it('never sends a request to another host, whatever the path looks like', async () => {
    const http = createTransport({
      origin: sim.origin,
      tls: {},
      timeoutMs: 5_000,
      connectTimeoutMs: 5_000,
      appVersion: 'test',
      retries: 0,
    });
    const host = new URL(other.origin).host;
    for (const path of [`${other.origin}/v3/users`, `//${host}/v3/users`, `/.//${host}/v3/users`]) {
      await http
        .request({ method: 'GET', path, bearer: sim.admin.token, passStatuses: [404] })
        .catch(() => undefined);
    }
    expect(other.requests).toEqual([]);
  });
});
