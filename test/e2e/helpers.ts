import type { Output } from '../../electron/contract/ipc';
import type { TestCore } from '../bridge/compose';
import type { RancherSim } from '../rancher-sim';

/** Calls the core as the window would, failing the test on an error result. */
export async function call<T>(core: TestCore, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Adds the simulator (trusting its CA) and signs in as its admin, straight through the core. */
export async function addSignedInServer(
  core: TestCore,
  sim: RancherSim,
  name = 'Sim',
  method: 'password' | 'api_key' = 'password',
): Promise<Output<'servers:add'>['server']> {
  const { server } = await call<Output<'servers:add'>>(core, 'servers:add', {
    url: sim.url,
    name,
    ...(sim.caPem ? { caPem: sim.caPem } : {}),
  });
  await call(
    core,
    'auth:signIn',
    method === 'api_key'
      ? { serverId: server.id, method, token: sim.admin.token }
      : {
          serverId: server.id,
          method,
          provider: 'local',
          username: sim.admin.username,
          password: sim.admin.password,
        },
  );
  await call(core, 'keys:refresh', { serverId: server.id });
  return server;
}

/** The bearer token the simulator holds for a v3 token name. */
export function simBearer(sim: RancherSim, name: string): string {
  const token = sim.state.tokens.get(name);
  if (!token) throw new Error(`simulator has no token ${name}`);
  return `${token.name}:${token.secret}`;
}

/** The window sizes the app must work at (HELPERS.md; issue 17). */
export const windowSizes = [
  { width: 900, height: 600 },
  { width: 1100, height: 720 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
