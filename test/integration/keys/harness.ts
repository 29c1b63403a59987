import { expect } from 'vitest';
import type { Channel, Input, Output } from '../../../electron/contract/ipc';
import type { AppError } from '../../../electron/contract/errors';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startRancherSim, type RancherSim, type RancherSimOptions } from '../../rancher-sim';

/** The real core (keytar on the private keyring, temp data dir) signed in to a fresh simulator. */
export interface Rig {
  sim: RancherSim;
  t: TestCore;
  serverId: string;
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  fail<C extends Channel>(channel: C, input: Input<C>): Promise<AppError>;
  close(): Promise<void>;
}

/** `call` (expects success, answers the value) and `fail` (expects failure, answers the error). */
export function rigCalls(t: Pick<TestCore, 'dispatch'>): Pick<Rig, 'call' | 'fail'> {
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await t.dispatch(channel, input);
    if (!result.ok)
      throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<C>;
  }
  async function fail<C extends Channel>(channel: C, input: Input<C>): Promise<AppError> {
    const result = await t.dispatch(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  }
  return { call, fail };
}

export async function startRig(
  options: RancherSimOptions & {
    core?: Parameters<typeof createTestCore>[0];
    /** Runs before the server is added (e.g. to set a maximum key lifetime it will probe). */
    prepare?: (sim: RancherSim) => void;
    /** Add the server with the simulator's CA (for `tls: true`), as a user with a private CA does. */
    trustCa?: boolean;
    /** Something in front of the simulator (e.g. a hostile front) the core talks to instead. */
    via?: (sim: RancherSim) => Promise<{ url: string; close(): Promise<void> }>;
  } = {},
): Promise<Rig> {
  const sim = await startRancherSim(options);
  options.prepare?.(sim);
  const front = options.via ? await options.via(sim) : null;
  const t = createTestCore(options.core);
  const { call, fail } = rigCalls(t);
  const { server } = await call('servers:add', {
    url: front?.url ?? sim.url,
    ...(options.trustCa && sim.caPem ? { caPem: sim.caPem } : {}),
  });
  await call('auth:signIn', { serverId: server.id, method: 'api_key', token: sim.admin.token });
  await call('keys:refresh', { serverId: server.id });
  return {
    sim,
    t,
    serverId: server.id,
    call,
    fail,
    async close() {
      await t.close();
      await front?.close();
      await sim.close();
    },
  };
}
