import { randomBytes } from 'node:crypto';
import type { Server } from '../../contract/servers';
import type { SignInMethod, SsoKind, SsoStartInput } from '../../contract/sign-in';
import { AppFailure, toAppError } from '../app-failure';
import type { EventSink } from '../events';
import type { Logger } from '../log';
import type { ClipboardPort, Clock } from '../ports';
import type { ServerService } from '../servers/server-service';
import type { EmbeddedSignInWindow, SystemBrowser } from '../sign-in-ports';
import type { FlowEnv, SsoTiming, StartedFlow } from './flow-types';
import { createIdpHttp } from './idp-http';
import { startAzureDeviceCode } from './azure-device-code';
import { startAzurePkce } from './azure-pkce';
import { startEmbedded } from './embedded-sign-in';
import { startSamlRelay } from './saml-relay';
import { signInMethods } from './sign-in-methods';

/** What single sign-on needs. */
export interface SsoServiceDeps {
  servers: ServerService;
  clipboard: ClipboardPort;
  browser: SystemBrowser | null;
  embedded: EmbeddedSignInWindow | null;
  timing: SsoTiming;
  clock: Clock;
  log: Logger;
  emit: EventSink;
}

/** How long a finished flow's outcome waits for `auth:ssoWait` before it is dropped. */
const KEEP_FINISHED_MS = 5 * 60_000;

interface FlowEntry {
  id: string;
  serverId: string;
  controller: AbortController;
  started: StartedFlow;
  result: Promise<Server>;
  settled: boolean;
}

/**
 * `work`, or the abort's reason as soon as `signal` aborts; what `work` brings after that is
 * handed to `late` (to release a listener it opened).
 */
function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  late: (value: T) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) late(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject((signal.aborted ? signal.reason : error) as Error);
      },
    );
  });
}

/** How each single sign-on flow starts. */
const flowStarters: Record<SsoKind, (env: FlowEnv) => Promise<StartedFlow>> = {
  saml_relay: startSamlRelay,
  azure_device_code: startAzureDeviceCode,
  azure_pkce: startAzurePkce,
  embedded: startEmbedded,
};

/**
 * Single sign-on flows (issue 15). Each is a background task the service owns: one per server (a
 * new one cancels the previous), cancellable at once, stopped with the core. Its outcome, a
 * signed-in server or a one-sentence failure, is what `auth:ssoWait` answers; its states go out as
 * `auth:ssoProgress`. The token a flow obtains never leaves main.
 */
export function createSsoService(deps: SsoServiceDeps) {
  const { servers, log, emit } = deps;
  const flows = new Map<string, FlowEntry>();
  /** Flows still starting (their first requests under way), by the id they will get. */
  const starting = new Map<string, { serverId: string; controller: AbortController }>();
  const capabilities = {
    systemBrowser: deps.browser !== null,
    embeddedWindow: deps.embedded !== null,
  };

  async function methods(serverId: string): Promise<SignInMethod[]> {
    const providers = await servers.anonymousClient(serverId).sso.providers();
    return signInMethods(providers, capabilities);
  }

  function entry(flowId: string): FlowEntry {
    const found = flows.get(flowId);
    if (!found) {
      throw new AppFailure('not_found', 'This sign-in is no longer running. Start it again.');
    }
    return found;
  }

  function cancel(flowId: string, reason = 'The sign-in was cancelled.'): boolean {
    const flow = flows.get(flowId) ?? starting.get(flowId);
    if (!flow || ('settled' in flow && flow.settled)) return false;
    flow.controller.abort(new AppFailure('conflict', reason));
    return true;
  }

  /** Cancels the server's flow, also one still starting (the window has no flow id yet). */
  function cancelServer(serverId: string): boolean {
    let cancelled = false;
    for (const [id, flow] of [...flows, ...starting]) {
      if (flow.serverId === serverId && cancel(id)) cancelled = true;
    }
    return cancelled;
  }

  /** Checks the method is offered, replaces the server's other flows, and starts this one. */
  async function begin(input: SsoStartInput, signal: AbortSignal) {
    const client = servers.anonymousClient(input.serverId);
    const providers = await client.sso.providers(signal);
    const offered = signInMethods(providers, capabilities).some(
      (m) => m.kind === input.kind && 'provider' in m && m.provider === input.provider,
    );
    const provider = providers.find((p) => p.id === input.provider);
    if (!offered || !provider) {
      throw new AppFailure(
        'invalid_input',
        'This server does not offer that way of signing in (any more). Choose another.',
      );
    }
    for (const [id, flow] of [...flows, ...starting]) {
      if (flow.serverId === input.serverId && flow.controller.signal !== signal) {
        cancel(id, 'A new sign-in replaced this one.');
      }
    }
    const origin = servers.get(input.serverId).origin;
    return flowStarters[input.kind]({
      origin,
      provider,
      client,
      browser: deps.browser,
      embedded: deps.embedded,
      idp: createIdpHttp((idpOrigin) => servers.idpTransport(input.serverId, idpOrigin)),
      signal,
      timing: deps.timing,
      now: () => deps.clock.now(),
      log,
    });
  }

  async function start(input: SsoStartInput) {
    const id = `sso-${randomBytes(8).toString('hex')}`;
    const controller = new AbortController();
    const { signal } = controller;
    // Registered before the first request, so Cancel (by server) stops a start under way at once.
    starting.set(id, { serverId: input.serverId, controller });
    let started: StartedFlow;
    try {
      started = await untilAborted(begin(input, signal), signal, (late) => late.dispose?.());
    } finally {
      starting.delete(id);
    }
    const progress = (state: Parameters<typeof emit<'auth:ssoProgress'>>[1]['state']) =>
      emit('auth:ssoProgress', { flowId: id, serverId: input.serverId, state, error: null });
    const flow: FlowEntry = {
      id,
      serverId: input.serverId,
      controller,
      started,
      settled: false,
      result: Promise.resolve().then(async () => {
        const obtained = await started.complete({ signal: controller.signal, progress });
        controller.signal.throwIfAborted();
        progress('creating_key');
        return servers.adoptSso(input.serverId, obtained, input.provider);
      }),
    };
    flows.set(id, flow);
    flow.result.then(
      () => progress('signed_in'),
      (error: unknown) => {
        const cancelled = controller.signal.aborted;
        const appError = toAppError(cancelled ? controller.signal.reason : error);
        emit('auth:ssoProgress', {
          flowId: id,
          serverId: input.serverId,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? null : appError,
        });
        log.info('sso: a sign-in ended without signing in', {
          kind: input.kind,
          code: appError.code,
        });
      },
    );
    const settle = () => {
      flow.settled = true;
      started.dispose?.();
      const timer = setTimeout(() => flows.delete(id), KEEP_FINISHED_MS);
      timer.unref?.();
    };
    flow.result.then(settle, settle);
    // A cancelled flow answers at once, even while a request of it is still on its way.
    flow.result = Promise.race([
      flow.result,
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener(
          'abort',
          () => reject(controller.signal.reason as Error),
          {
            once: true,
          },
        ),
      ),
    ]);
    flow.result.catch(() => undefined);
    return { flowId: id, prompt: started.prompt };
  }

  return {
    methods,
    start,
    async openBrowser(flowId: string): Promise<boolean> {
      const flow = entry(flowId);
      if (!flow.started.pageUrl || !deps.browser || flow.settled) return false;
      await deps.browser.open(flow.started.pageUrl);
      return true;
    },
    async copyCode(flowId: string): Promise<boolean> {
      const flow = entry(flowId);
      if (!flow.started.userCode) return false;
      await deps.clipboard.writeText(flow.started.userCode);
      return true;
    },
    async wait(flowId: string): Promise<Server> {
      const flow = entry(flowId);
      try {
        return await flow.result;
      } finally {
        if (flow.settled) flows.delete(flowId);
      }
    },
    cancel: (flowId: string) => cancel(flowId),
    cancelServer,
    /** Cancels every running or starting flow (the core is stopping). */
    stop(): void {
      for (const id of [...flows.keys(), ...starting.keys()])
        cancel(id, 'Rancher Keys is closing.');
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
