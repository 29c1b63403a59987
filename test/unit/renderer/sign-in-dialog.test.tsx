import { act, cleanup, fireEvent, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from '../../../electron/contract/servers';
import type { SignInMethod, SsoPrompt } from '../../../electron/contract/sign-in';
import { App } from '../../../renderer/src/App';
import { createAppStores } from '../../../renderer/src/app-stores';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi, fail, makeServer, worldHandlers, type FakeHandlers } from './fake-api';

afterEach(cleanup);

const deadline = '2026-11-30T05:00:00.000Z';
const prompts: Record<string, SsoPrompt> = {
  saml_relay: {
    kind: 'saml_relay',
    requestId: 'abcdfghjklmnpqrstvwxz12456789abc',
    displayName: 'Okta',
    browserOpened: true,
    deadline,
  },
  azure_device_code: {
    kind: 'azure_device_code',
    userCode: 'F7K2-MQ9X',
    verificationUri: 'https://microsoft.com/devicelogin',
    browserOpened: false,
    deadline,
  },
  azure_pkce: { kind: 'azure_pkce', browserOpened: true, deadline },
  embedded: { kind: 'embedded', host: 'rancher.example.com', deadline },
};

/** Main's side of a flow that never finishes by itself (the test cancels or fails it). */
function hangingWait(): Promise<{ server: Server }> {
  return new Promise(() => undefined);
}

async function openDialog(methods: SignInMethod[], extra: FakeHandlers = {}) {
  const server = makeServer({ id: 'a', name: 'Alpha', active: true });
  const fake = createFakeApi({
    ...worldHandlers([server], []),
    'auth:methods': () => ({ methods }),
    'auth:ssoStart': ({ kind }) => ({ flowId: `flow-${kind}`, prompt: prompts[kind]! }),
    'auth:ssoWait': hangingWait,
    'auth:ssoCancel': () => ({ cancelled: true }),
    'auth:ssoCopyCode': () => ({ copied: true }),
    'auth:ssoOpenBrowser': () => ({ opened: true }),
    ...extra,
  });
  const stores = createAppStores(fake.api, createTick(1_000));
  render(<App api={fake.api} stores={stores} />);
  await screen.findAllByText('Alpha');
  act(() => stores.ui.open({ kind: 'signIn', serverId: 'a' }));
  const dialog = await screen.findByRole('dialog', { name: 'Sign in to Alpha' });
  return { fake, stores, dialog };
}

const everything: SignInMethod[] = [
  { kind: 'api_key' },
  { kind: 'password', provider: 'local', displayName: 'Local' },
  { kind: 'saml_relay', provider: 'okta', displayName: 'Okta' },
  { kind: 'azure_pkce', provider: 'azuread', displayName: 'Azure AD' },
  { kind: 'azure_device_code', provider: 'azuread', displayName: 'Azure AD' },
  { kind: 'embedded', provider: 'github', displayName: 'GitHub' },
];

describe('SignInDialog', () => {
  it('offers single sign-on first, with only the flows the server supports, and the API key', async () => {
    const { dialog } = await openDialog(everything);
    const methods = within(dialog).getByRole('radiogroup', { name: 'Sign-in method' });
    await within(methods).findByRole('radio', { name: 'Single sign-on' });
    expect(
      within(methods)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['Single sign-on', 'Username and password', 'API key']);
    expect(within(dialog).getByRole('radio', { name: 'Single sign-on' })).toHaveProperty(
      'ariaChecked',
      'true',
    );
    for (const name of [
      'Sign in with Okta',
      'Sign in with browser (Azure AD)',
      'Sign in with a code (Azure AD)',
    ]) {
      expect(within(dialog).getByRole('button', { name })).toBeTruthy();
    }
    // The embedded window is opt-in: no button until the box is ticked.
    expect(within(dialog).queryByRole('button', { name: /inside Rancher Keys/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /inside a Rancher Keys window/ }));
    expect(
      within(dialog).getByRole('button', { name: 'Sign in with GitHub inside Rancher Keys' }),
    ).toBeTruthy();
  });

  it('offers no single sign-on when the server has none, and the key when it lists nothing', async () => {
    const { dialog } = await openDialog([
      { kind: 'password', provider: 'local', displayName: 'Local' },
    ]);
    await within(dialog).findByRole('combobox', { name: 'Provider' });
    expect(within(dialog).queryByRole('radio', { name: 'Single sign-on' })).toBeNull();
    expect(within(dialog).getByRole('radio', { name: 'API key' })).toBeTruthy();
    await cleanup();
    const bare = await openDialog([]);
    await within(bare.dialog).findByLabelText(/^API key/);
    expect(
      within(bare.dialog)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['API key']);
  });

  it('shows the SAML request id large and stops at once on Cancel', async () => {
    const { dialog, fake } = await openDialog(everything);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sign in with Okta' }));
    const code = await within(dialog).findByTestId('sso-code');
    expect(code.textContent).toBe('abcdfghjklmnpqrstvwxz12456789abc');
    expect(within(dialog).getByRole('group', { name: 'Request id' })).toBeTruthy();
    expect(within(dialog).getByRole('status').textContent).toMatch(/Waiting/);
    // Focus moved to the next thing to do, inside the dialog.
    expect(document.activeElement?.textContent).toBe('Open the sign-in page again');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel sign-in' }));
    expect(fake.callsTo('auth:ssoCancel')).toEqual([{ flowId: 'flow-saml_relay' }]);
    expect(within(dialog).queryByTestId('sso-code')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Sign in with Okta' })).toBeTruthy();
  });

  it('shows the Azure user code with one-click copy (in main) and the verification page', async () => {
    const { dialog, fake } = await openDialog(everything);
    fireEvent.click(
      await within(dialog).findByRole('button', { name: 'Sign in with a code (Azure AD)' }),
    );
    expect((await within(dialog).findByTestId('sso-code')).textContent).toBe('F7K2-MQ9X');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy code' }));
    expect(await within(dialog).findByRole('button', { name: 'Copied ✓' })).toBeTruthy();
    expect(fake.callsTo('auth:ssoCopyCode')).toEqual([{ flowId: 'flow-azure_device_code' }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open the verification page' }));
    expect(fake.callsTo('auth:ssoOpenBrowser')).toEqual([{ flowId: 'flow-azure_device_code' }]);
  });

  it('explains a failed flow in main’s sentence and offers the methods again', async () => {
    const { dialog } = await openDialog(everything, {
      'auth:ssoWait': () =>
        fail({
          code: 'forbidden',
          message: 'You declined the sign-in at Microsoft.',
        }),
    });
    fireEvent.click(
      await within(dialog).findByRole('button', { name: 'Sign in with browser (Azure AD)' }),
    );
    const notice = await within(dialog).findByTestId('error-notice');
    expect(notice.textContent).toContain('You declined the sign-in at Microsoft.');
    expect(within(dialog).getByRole('button', { name: 'Sign in with Okta' })).toBeTruthy();
  });

  it('cancels the running flow when the dialog is closed', async () => {
    const { dialog, fake } = await openDialog(everything);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sign in with Okta' }));
    await within(dialog).findByTestId('sso-code');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('auth:ssoCancel')).toEqual([{ flowId: 'flow-saml_relay' }]);
  });

  it('closes with a toast when the flow signs in', async () => {
    const server = makeServer({ id: 'a', name: 'Alpha', active: true });
    const { dialog, stores } = await openDialog(everything, {
      'auth:ssoWait': () => ({ server }),
    });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sign in with Okta' }));
    await screen.findByText('Signed in to Alpha.');
    expect(stores.ui.store.getState().dialog).toBeNull();
  });
});
