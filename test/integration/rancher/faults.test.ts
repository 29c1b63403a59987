import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { failure } from '../../support/failure';

function client(origin: string, bearer: string, timeoutMs = 5_000) {
  return createRancherClient({
    origin,
    tls: {},
    timeoutMs,
    credential: () => Promise.resolve(bearer),
    appVersion: 'test',
    version: 'v2.13.1',
  });
}

describe('RancherClient faults', () => {
  let sim: RancherSim;
  let other: RancherSim;
  beforeAll(async () => {
    [sim, other] = await Promise.all([
      startRancherSim({ version: '2.13' }),
      startRancherSim({ version: '2.13' }),
    ]);
  });
  afterAll(() => Promise.all([sim.close(), other.close()]));
  afterEach(() => sim.faults.clear());

  const me = () => client(sim.origin, sim.admin.token).me();

  it('fails timeout when the server answers later than the timeout', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'latency', ms: 2_500 } });
    const error = await failure(client(sim.origin, sim.admin.token, 1_000).me());
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 1 s/);
  });

  it('fails timeout when the server never answers', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'hang' } });
    expect((await failure(client(sim.origin, sim.admin.token, 1_000).me())).code).toBe('timeout');
  });

  it('fails timeout when the body trickles in for longer than the timeout', async () => {
    sim.faults.add({
      path: '/v3/users',
      action: { kind: 'slow-body', intervalMs: 300, chunkBytes: 16 },
    });
    expect((await failure(client(sim.origin, sim.admin.token, 1_000).me())).code).toBe('timeout');
  });

  for (const status of [500, 502, 503]) {
    it(`fails server_error when Rancher answers ${status}`, async () => {
      sim.faults.add({ path: '/v3/users', action: { kind: 'status', status } });
      const error = await failure(me());
      expect(error.code).toBe('server_error');
      expect(error.message).toContain(`HTTP ${status}`);
    });
  }

  it('retries a GET twice on 503 and succeeds when the server recovers', async () => {
    const fault = sim.faults.add({
      path: '/v3/users',
      action: { kind: 'status', status: 503 },
      times: 2,
    });
    expect((await me()).id).toBe(sim.admin.id);
    expect(fault.hits).toBe(2);
  });

  it('gives up after two retries of a GET', async () => {
    const fault = sim.faults.add({ path: '/v3/users', action: { kind: 'status', status: 502 } });
    await failure(me());
    expect(fault.hits).toBe(3);
  });

  it('never retries a POST, even on 503', async () => {
    const fault = sim.faults.add({
      method: 'POST',
      path: '/v3/tokens',
      action: { kind: 'status', status: 503 },
    });
    const error = await failure(
      client(sim.origin, sim.admin.token).createToken({
        family: 'v3',
        description: 'x',
        ttlMs: 60_000,
        clusterId: null,
      }),
    );
    expect(error.code).toBe('server_error');
    expect(fault.hits).toBe(1);
  });

  it('never retries a POST whose connection was reset', async () => {
    const fault = sim.faults.add({ method: 'POST', path: '/v3/tokens', action: { kind: 'reset' } });
    const error = await failure(
      client(sim.origin, sim.admin.token).createToken({
        family: 'v3',
        description: 'x',
        ttlMs: 60_000,
        clusterId: null,
      }),
    );
    expect(error.code).toBe('unreachable');
    expect(fault.hits).toBe(1);
  });

  it('fails unreachable when every connection is reset', async () => {
    const fault = sim.faults.add({ path: '/v3/users', action: { kind: 'reset' } });
    expect((await failure(me())).code).toBe('unreachable');
    expect(fault.hits).toBe(3);
  });

  it('fails unreachable when nothing listens on the port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(client(`http://127.0.0.1:${port}`, 'token-x:y').me());
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('refused');
  });

  it('fails server_error when the body is not JSON', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'invalid-json' } });
    expect((await failure(me())).code).toBe('server_error');
  });

  it('fails server_error when the JSON is truncated', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'truncated-json' } });
    expect((await failure(me())).code).toBe('server_error');
  });

  it('fails server_error when the connection drops mid-body', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'truncated-json', abort: true } });
    expect((await failure(me())).code).toBe('server_error');
  });

  it('fails server_error saying a web page came back when the answer is HTML', async () => {
    sim.faults.add({ path: '/v3/users', action: { kind: 'html' } });
    const error = await failure(me());
    expect(error.code).toBe('server_error');
    expect(error.message).toContain('web page');
  });

  it('refuses a redirect to another origin and sends nothing there', async () => {
    sim.faults.add({
      path: '/v3/users',
      action: { kind: 'redirect', location: `${other.origin}/v3/users?me=true` },
    });
    const before = other.requests.length;
    const error = await failure(me());
    expect(error.code).toBe('server_error');
    expect(error.message).toContain(`redirected to ${other.origin}`);
    expect(other.requests.length).toBe(before);
  });

  it('follows a redirect within the origin once for a GET', async () => {
    const fault = sim.faults.add({
      path: '/v3/users',
      action: { kind: 'redirect', location: '/v3/users?me=true' },
      times: 1,
    });
    expect((await me()).id).toBe(sim.admin.id);
    expect(fault.hits).toBe(1);
  });

  it('reports a second redirect within the origin instead of following it', async () => {
    sim.faults.add({
      path: '/v3/users',
      action: { kind: 'redirect', location: '/v3/users?me=true' },
    });
    const error = await failure(me());
    expect(error.code).toBe('server_error');
    expect(error.message).toContain('kept redirecting');
  });

  it('maps 401 to unauthorized asking to sign in again', async () => {
    const error = await failure(client(sim.origin, 'token-zzzzz:nope').me());
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('Sign in again');
  });

  it("maps another user's token to not_found and an ext caller on 2.13 /v3/tokens to unauthorized, with no secret in the message", async () => {
    const c = client(sim.origin, sim.admin.token);
    const created = await c.createToken({
      family: 'ext',
      description: 'x',
      ttlMs: 60_000,
      clusterId: null,
    });
    const user = sim.state.addUser({ username: 'bob', password: 'bob-password-123' });
    const bob = sim.state.addToken({ user: user.id });
    const error = await failure(
      client(sim.origin, bob.bearer).updateExtToken(created.token.name, { ttlMs: 1 }),
    );
    expect(error.code).toBe('not_found');
    const grow = await failure(
      client(sim.origin, created.bearer).createToken({
        family: 'v3',
        description: 'x',
        ttlMs: 60_000,
        clusterId: null,
      }),
    );
    expect(grow.code).toBe('unauthorized');
    expect(JSON.stringify(grow.toAppError())).not.toContain(created.bearer.split(':')[1]!);
  });

  it("maps a refused change to invalid_input carrying Rancher's reason", async () => {
    const user = sim.state.addUser({ username: 'carol', password: 'carol-password-123' });
    const carol = client(sim.origin, sim.state.addToken({ user: user.id }).bearer);
    const created = await carol.createToken({
      family: 'ext',
      description: 'x',
      ttlMs: 60_000,
      clusterId: null,
    });
    const error = await failure(carol.updateExtToken(created.token.name, { ttlMs: 3_600_000 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('extend');
  });
});
