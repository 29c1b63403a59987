import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRancherClient } from '../../../electron/core/rancher/create-rancher-client';
import { createManualClock, startRancherSim, type RancherSim } from '../../rancher-sim';
import { call } from '../../rancher-sim/test-client';

const T0 = Date.UTC(2025, 4, 21, 7, 5, 0);
const HOUR = 3_600_000;

describe('the Rancher client reading ext tokens from a server that is not on UTC', () => {
  let sim: RancherSim;
  beforeAll(async () => {
    sim = await startRancherSim({ version: '2.13', clock: createManualClock(T0) });
  });
  afterAll(() => sim.close());

  it('turns -05:00 status times into the same instants in UTC when it lists tokens', async () => {
    const issued = sim.state.addExtToken({
      user: sim.admin.id,
      description: 'offset check',
      ttlMs: 2 * HOUR,
      createdMs: T0 - HOUR,
      lastUsedMs: T0 - 30 * 60_000,
    });
    const client = createRancherClient({
      origin: sim.origin,
      tls: {},
      timeoutMs: 5_000,
      credential: () => Promise.resolve(sim.admin.token),
      appVersion: '0.1.0-test',
      version: sim.profile.versionString,
    });
    const token = (await client.listTokens()).find((t) => t.name === issued.name);
    expect(token).toMatchObject({
      family: 'ext',
      createdAt: '2025-05-21T06:05:00Z',
      expiresAt: '2025-05-21T08:05:00Z',
      lastUsedAt: '2025-05-21T06:35:00Z',
    });
    // The server's own answer really carried the offset.
    const raw = await call(sim, 'GET', `/apis/ext.cattle.io/v1/tokens/${issued.name}`, {
      bearer: sim.admin.token,
    });
    expect(raw.json<{ status: { expiresAt: string } }>().status.expiresAt).toBe(
      '2025-05-21T03:05:00-05:00',
    );
  });
});
