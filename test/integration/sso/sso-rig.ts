import type { AppError } from '../../../electron/contract/errors';
import type { Channel, Input, Output } from '../../../electron/contract/ipc';
import type { ServerAddInput } from '../../../electron/contract/servers';
import { envProxyResolver } from '../../../electron/core/network/proxy-env';
import type { SsoProgress } from '../../../electron/contract/sign-in';
import type { EmbeddedSignInWindow } from '../../../electron/core/sign-in-ports';
import type { SsoTiming } from '../../../electron/core/sso/flow-types';
import { createTestCore, type TestCore } from '../../bridge/compose';
import { startRancherSim, type RancherSim, type RancherVersion } from '../../rancher-sim';
import { startFakeIdp, type FakeIdp, type FakeIdpOptions } from '../../rancher-sim/fake-idp';
import { createHttpBrowser } from '../../support/http-browser';
import { rigCalls } from '../keys/harness';

/**
 * The real core (keytar on the private keyring) with the simulator, the fake IdPs on loopback and
 * the plain-HTTP "system browser", its server added but not signed in. Timing is shortened so a
 * whole flow runs in a second; what each test checks does not depend on the length of a wait.
 */
export interface SsoRig {
  sim: RancherSim;
  idp: FakeIdp;
  browser: ReturnType<typeof createHttpBrowser>;
  t: TestCore;
  serverId: string;
  /** The simulated user `alice` (SAML NameID `alice`, Entra oid `oid-alice`). */
  aliceId: string;
  progress: SsoProgress[];
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  fail<C extends Channel>(channel: C, input: Input<C>): Promise<AppError>;
  close(): Promise<void>;
}

export async function startSsoRig(
  options: {
    version?: RancherVersion;
    timing?: Partial<SsoTiming>;
    idp?: FakeIdpOptions;
    connect?: (sim: RancherSim, idp: FakeIdp, aliceId: string) => void;
    /** Serve the simulator over HTTPS (its CA is trusted for the server when it is added). */
    simTls?: boolean;
    /** The server's proxy setting when it is added (default: the system's, none here). */
    proxy?: ServerAddInput['proxy'];
    /** The certificates the "operating system" trusts (default: none). */
    osCertificates?: readonly string[];
    /** The shell's embedded sign-in window (the port's test implementation). */
    embeddedSignIn?: EmbeddedSignInWindow;
  } = {},
): Promise<SsoRig> {
  const sim = await startRancherSim({
    version: options.version ?? '2.13',
    ...(options.simTls ? { tls: true } : {}),
  });
  const idp = await startFakeIdp(options.idp);
  const alice = sim.state.addUser({
    username: 'alice',
    password: 'not-used-here',
    displayName: 'Alice',
  });
  options.connect?.(sim, idp, alice.id);
  const browser = createHttpBrowser();
  const t = createTestCore({
    systemBrowser: browser,
    // No proxy from this machine's environment, and a known "OS" trust store.
    systemProxy: envProxyResolver({}),
    trustStore: { certificates: () => Promise.resolve([...(options.osCertificates ?? [])]) },
    ...(options.embeddedSignIn ? { embeddedSignIn: options.embeddedSignIn } : {}),
    ssoTiming: {
      samlIntervalMs: 40,
      samlDeadlineMs: 1_500,
      ...options.timing,
    },
  });
  const progress: SsoProgress[] = [];
  t.core.subscribe((event, payload) => {
    if (event === 'auth:ssoProgress') progress.push(payload as SsoProgress);
  });
  const { call, fail } = rigCalls(t);
  const { server } = await call('servers:add', {
    url: sim.url,
    ...(options.simTls ? { caPem: sim.caPem } : {}),
    ...(options.proxy ? { proxy: options.proxy } : {}),
  });
  return {
    sim,
    idp,
    browser,
    t,
    serverId: server.id,
    aliceId: alice.id,
    progress,
    call,
    fail,
    async close() {
      await t.close();
      await idp.close();
      await sim.close();
    },
  };
}

/** Every v3 token secret the simulator holds: none may appear in logs or IPC answers. */
export function allSecrets(sim: RancherSim): string[] {
  return [...sim.state.tokens.values()].map((t) => t.secret);
}
