import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../../electron/contract/errors';
import type { Server } from '../../../../electron/contract/servers';
import type { SignInMethod, SsoPrompt, SsoState } from '../../../../electron/contract/sign-in';
import type { Api } from '../../api';
import { toAppError } from '../../ui/error-text';

/** A sign-in method that runs as a flow outside the form (browser, code, embedded window). */
export type SsoMethod = Exclude<SignInMethod, { kind: 'api_key' } | { kind: 'password' }>;

/** Where the dialog's single sign-on is: choosing, starting one, or one running. */
export type SsoFlowState =
  | { phase: 'idle'; error: AppError | null }
  | { phase: 'starting'; method: SsoMethod }
  | {
      phase: 'running';
      method: SsoMethod;
      flowId: string;
      prompt: SsoPrompt;
      state: SsoState;
      /** The user code was copied (the button says so). */
      copied: boolean;
    };

/**
 * One sign-in dialog's single sign-on: starts a flow in main, follows its `auth:ssoProgress`,
 * awaits its outcome, and cancels it at once on Cancel or when the dialog goes away (main stops
 * polling; a late answer of a cancelled flow is ignored). Nothing it holds is a secret: the token
 * stays in main.
 */
export function createSsoFlow(api: Api, serverId: string, onSignedIn: (server: Server) => void) {
  const store = createStore<SsoFlowState>()(() => ({ phase: 'idle', error: null }));
  // Each phase is a whole state: replace rather than merge, so no field of the last phase lingers.
  const set = (next: SsoFlowState) => store.setState(next, true);
  /** Bumped by every start and cancel, so an answer for an older attempt is dropped. */
  let attempt = 0;
  let disposed = false;

  const offProgress = api.on('auth:ssoProgress', (progress) => {
    const s = store.getState();
    if (s.phase !== 'running' || progress.flowId !== s.flowId) return;
    if (progress.state === 'failed' || progress.state === 'cancelled') return;
    set({ ...s, state: progress.state });
  });

  function cancelInMain(flowId: string): void {
    api.call('auth:ssoCancel', { flowId }).catch(() => undefined);
  }

  async function start(method: SsoMethod): Promise<void> {
    const mine = ++attempt;
    set({ phase: 'starting', method });
    let started: { flowId: string; prompt: SsoPrompt };
    try {
      started = await api.call('auth:ssoStart', {
        serverId,
        kind: method.kind,
        provider: method.provider,
      });
    } catch (error) {
      if (mine === attempt) set({ phase: 'idle', error: toAppError(error) });
      return;
    }
    if (mine !== attempt || disposed) {
      cancelInMain(started.flowId);
      return;
    }
    const { flowId, prompt } = started;
    set({ phase: 'running', method, flowId, prompt, state: 'waiting', copied: false });
    try {
      const { server } = await api.call('auth:ssoWait', { flowId });
      if (mine !== attempt) return;
      set({ phase: 'idle', error: null });
      onSignedIn(server);
    } catch (error) {
      if (mine === attempt) set({ phase: 'idle', error: toAppError(error) });
    }
  }

  /**
   * Stops the running (or starting) flow now; the dialog is back at the choice at once. A flow
   * still starting has no id yet: main cancels the server's flow, its first request included.
   */
  function cancel(): void {
    const s = store.getState();
    attempt += 1;
    if (s.phase === 'running') cancelInMain(s.flowId);
    if (s.phase === 'starting') {
      api.call('auth:ssoCancel', { serverId }).catch(() => undefined);
    }
    set({ phase: 'idle', error: null });
  }

  return {
    store,
    start,
    cancel,
    /** Copies the device code's user code (main writes the clipboard). */
    async copyCode(): Promise<void> {
      const s = store.getState();
      if (s.phase !== 'running') return;
      const { copied } = await api.call('auth:ssoCopyCode', { flowId: s.flowId });
      const now = store.getState();
      if (now.phase === 'running' && now.flowId === s.flowId) set({ ...now, copied });
    },
    /** Opens the flow's page (the verification page, the IdP's sign-in) in the browser again. */
    async openBrowser(): Promise<boolean> {
      const s = store.getState();
      if (s.phase !== 'running') return false;
      return (await api.call('auth:ssoOpenBrowser', { flowId: s.flowId })).opened;
    },
    /** Cancels what runs and stops listening: the dialog closed. */
    dispose(): void {
      disposed = true;
      cancel();
      offProgress();
    },
  };
}
export type SsoFlow = ReturnType<typeof createSsoFlow>;
