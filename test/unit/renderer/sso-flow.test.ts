import { describe, expect, it } from 'vitest';
import type { Server } from '../../../electron/contract/servers';
import type { SignInMethod, SsoPrompt } from '../../../electron/contract/sign-in';
import { fallbackChoices, signInChoices } from '../../../renderer/src/servers/sso/sign-in-choices';
import { createSsoFlow, type SsoMethod } from '../../../renderer/src/servers/sso/sso-flow';
import { createFakeApi, fail, makeServer } from './fake-api';

const saml: SsoMethod = { kind: 'saml_relay', provider: 'okta', displayName: 'Okta' };
const samlPrompt: SsoPrompt = {
  kind: 'saml_relay',
  requestId: 'abcdfghjklmnpqrstvwxz12456789abc',
  displayName: 'Okta',
  browserOpened: true,
  deadline: '2026-11-30T05:00:00.000Z',
};

/** A promise the test settles by hand: stands in for main's long-running `auth:ssoWait`. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('signInChoices', () => {
  it('offers only the flows the server lists, the pasted key always', () => {
    const methods: SignInMethod[] = [
      { kind: 'api_key' },
      { kind: 'password', provider: 'local', displayName: 'Local' },
      { kind: 'azure_device_code', provider: 'azuread', displayName: 'Azure AD' },
      { kind: 'azure_pkce', provider: 'azuread', displayName: 'Azure AD' },
      { kind: 'saml_relay', provider: 'okta', displayName: 'Okta' },
      { kind: 'embedded', provider: 'github', displayName: 'GitHub' },
    ];
    const choices = signInChoices(methods);
    expect(choices.tabs).toEqual(['sso', 'password', 'api_key']);
    expect(choices.browser.map((m) => m.kind)).toEqual([
      'saml_relay',
      'azure_pkce',
      'azure_device_code',
    ]);
    expect(choices.embedded.map((m) => m.provider)).toEqual(['github']);
    expect(choices.password).toEqual([{ provider: 'local', displayName: 'Local' }]);
  });

  it('keeps the API key when the server lists nothing (or forgets it)', () => {
    expect(signInChoices([]).tabs).toEqual(['api_key']);
    expect(
      signInChoices([{ kind: 'password', provider: 'openldap', displayName: 'LDAP' }]).tabs,
    ).toEqual(['password', 'api_key']);
    expect(fallbackChoices.tabs).toContain('api_key');
  });
});

describe('createSsoFlow', () => {
  function setup(wait = deferred<{ server: Server }>()) {
    const fake = createFakeApi({
      'auth:ssoStart': () => ({ flowId: 'flow-1', prompt: samlPrompt }),
      'auth:ssoWait': () => wait.promise,
      'auth:ssoCancel': () => ({ cancelled: true }),
      'auth:ssoCopyCode': () => ({ copied: true }),
    });
    const signedIn: Server[] = [];
    const flow = createSsoFlow(fake.api, 'srv', (s) => signedIn.push(s));
    return { fake, flow, wait, signedIn };
  }

  it('shows the prompt while waiting, then reports the signed-in server', async () => {
    const { fake, flow, wait, signedIn } = setup();
    void flow.start(saml);
    await tick();
    const s = flow.store.getState();
    expect(s.phase).toBe('running');
    expect(s.phase === 'running' && s.prompt).toEqual(samlPrompt);
    expect(fake.callsTo('auth:ssoStart')).toEqual([
      { serverId: 'srv', kind: 'saml_relay', provider: 'okta' },
    ]);
    wait.resolve({ server: makeServer({ id: 'srv' }) });
    await tick();
    expect(signedIn.map((x) => x.id)).toEqual(['srv']);
    expect(flow.store.getState()).toEqual({ phase: 'idle', error: null });
  });

  it('cancels in main and is back at the choice at once when Cancel is pressed', async () => {
    const { fake, flow, wait, signedIn } = setup();
    void flow.start(saml);
    await tick();
    flow.cancel();
    expect(flow.store.getState()).toEqual({ phase: 'idle', error: null });
    expect(fake.callsTo('auth:ssoCancel')).toEqual([{ flowId: 'flow-1' }]);
    // Main's late answer for the cancelled flow (its error or even a success) changes nothing.
    wait.reject(new Error('cancelled'));
    await tick();
    expect(flow.store.getState()).toEqual({ phase: 'idle', error: null });
    expect(signedIn).toEqual([]);
  });

  it('explains a failure with main’s one sentence and goes back to the choice', async () => {
    const { flow } = setup();
    const failing = createFakeApi({
      'auth:ssoStart': () => ({ flowId: 'flow-2', prompt: samlPrompt }),
      'auth:ssoWait': () =>
        fail({ code: 'forbidden', message: 'You declined the sign-in in the browser.' }),
    });
    const denied = createSsoFlow(failing.api, 'srv', () => undefined);
    await denied.start(saml);
    expect(denied.store.getState()).toEqual({
      phase: 'idle',
      error: { code: 'forbidden', message: 'You declined the sign-in in the browser.' },
    });
    flow.dispose();
  });

  it('follows the flow’s progress events and ignores other flows’', async () => {
    const { fake, flow } = setup();
    void flow.start(saml);
    await tick();
    fake.emit('auth:ssoProgress', {
      flowId: 'other',
      serverId: 'srv',
      state: 'exchanging',
      error: null,
    });
    expect(flow.store.getState()).toMatchObject({ state: 'waiting' });
    fake.emit('auth:ssoProgress', {
      flowId: 'flow-1',
      serverId: 'srv',
      state: 'slowed_down',
      error: null,
    });
    expect(flow.store.getState()).toMatchObject({ state: 'slowed_down' });
  });

  /** A flow whose `auth:ssoStart` main has not answered yet (the test settles `started`). */
  function startingFlow() {
    const started = deferred<{ flowId: string; prompt: SsoPrompt }>();
    const fake = createFakeApi({
      'auth:ssoStart': () => started.promise,
      'auth:ssoCancel': () => ({ cancelled: true }),
    });
    const flow = createSsoFlow(fake.api, 'srv', () => undefined);
    void flow.start(saml);
    return { started, fake, flow };
  }

  it('cancels a flow that main starts after the dialog was closed', async () => {
    const { started, fake, flow } = startingFlow();
    flow.dispose();
    started.resolve({ flowId: 'late', prompt: samlPrompt });
    await tick();
    expect(fake.callsTo('auth:ssoCancel')).toEqual([{ serverId: 'srv' }, { flowId: 'late' }]);
    expect(fake.callsTo('auth:ssoWait')).toEqual([]);
  });

  it('asks main to cancel the server’s flow when Cancel comes while it is still starting', async () => {
    const { started, fake, flow } = startingFlow();
    await tick();
    expect(flow.store.getState().phase).toBe('starting');
    flow.cancel();
    // Main stops the first request now; it has no flow id to give yet.
    expect(fake.callsTo('auth:ssoCancel')).toEqual([{ serverId: 'srv' }]);
    expect(flow.store.getState()).toEqual({ phase: 'idle', error: null });
    started.reject(new Error('cancelled'));
    await tick();
    expect(flow.store.getState()).toEqual({ phase: 'idle', error: null });
  });

  it('marks the code copied once main copied it', async () => {
    const { fake, flow } = setup();
    void flow.start(saml);
    await tick();
    await flow.copyCode();
    expect(fake.callsTo('auth:ssoCopyCode')).toEqual([{ flowId: 'flow-1' }]);
    expect(flow.store.getState()).toMatchObject({ copied: true });
  });
});
