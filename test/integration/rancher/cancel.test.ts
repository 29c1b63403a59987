import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { createTransport } from '../../../electron/core/rancher/http';
import { startRancherSim, type RancherSim } from '../../rancher-sim';
import { failure } from '../../support/failure';
import { until } from '../../support/until';

// Issue 15 follow-up: a caller's AbortSignal withdraws a request at the HTTP layer itself.
describe('HTTP requests with a caller signal', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim();
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.clear());

  // A long timeout and retries on: only the signal can end these requests early.
  const transport = () =>
    createTransport({
      origin: sim.origin,
      tls: {},
      timeoutMs: 30_000,
      connectTimeoutMs: 5_000,
      appVersion: 'test',
      retries: 2,
      backoffMs: 10,
    });
  const calls = (path: string) => sim.requests.filter((r) => r.url === path);

  it('sends nothing once the signal has aborted, failing with its reason', async () => {
    const reason = new AppFailure('conflict', 'The sign-in was cancelled.');
    const error = await failure(
      transport().request({
        method: 'GET',
        path: '/v3-public/authProviders',
        signal: AbortSignal.abort(reason),
      }),
    );
    expect(error).toBe(reason);
    expect(calls('/v3-public/authProviders')).toEqual([]);
  });

  it('aborts a request in flight, does not retry it, and says it was cancelled', async () => {
    sim.faults.add({ path: '/v3-public/authProviders', action: { kind: 'hang' } });
    const controller = new AbortController();
    const pending = failure(
      transport().request({
        method: 'GET',
        path: '/v3-public/authProviders?held',
        signal: controller.signal,
      }),
    );
    await until(() => calls('/v3-public/authProviders?held').length === 1);
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('The request was cancelled.');
    await until(() => calls('/v3-public/authProviders?held')[0]?.abandoned === true);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls('/v3-public/authProviders?held')).toHaveLength(1);
  });
});
