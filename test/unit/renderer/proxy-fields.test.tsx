import { cleanup, fireEvent, render, screen, waitFor } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError, CertificateInfo } from '../../../electron/contract/errors';
import type { Server } from '../../../electron/contract/servers';
import { createAppStores } from '../../../renderer/src/app-stores';
import { AddServerDialog } from '../../../renderer/src/servers/AddServerDialog';
import { EditServerDialog } from '../../../renderer/src/servers/EditServerDialog';
import { ErrorNotice } from '../../../renderer/src/ui/ErrorNotice';
import { StoresContext } from '../../../renderer/src/ui/stores-context';
import { createFakeApi, fail, makeServer, type FakeHandlers } from './fake-api';

afterEach(cleanup);

const issuer: CertificateInfo = {
  subject: 'CN=Corp Inspection CA',
  issuer: 'CN=Corp Inspection CA',
  fingerprint256: Array.from({ length: 32 }, () => 'AB').join(':'),
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2030-01-01T00:00:00Z',
};
const intercepted: AppError = {
  code: 'tls_untrusted',
  message: 'Seen through the proxy, not trusted.',
  proxy: 'intercepting',
  issuerCertificate: issuer,
  certificate: { ...issuer, subject: 'CN=rancher.example.com', fingerprint256: 'CD:EF' },
};

async function renderWith(
  element: React.ReactElement,
  handlers: FakeHandlers,
  servers: Server[] = [],
) {
  const fake = createFakeApi({
    'servers:list': () => ({ servers, activeId: servers[0]?.id ?? null }),
    'servers:switch': ({ id }) => ({ server: servers.find((s) => s.id === id) ?? servers[0]! }),
    ...handlers,
  });
  const stores = createAppStores(fake.api);
  await stores.servers.load();
  render(<StoresContext.Provider value={stores}>{element}</StoresContext.Provider>);
  return { fake, stores };
}

const type = (label: RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('proxy fields in the server dialogs', () => {
  it('adds a server through a given proxy with credentials', async () => {
    const added = makeServer({ id: 's1' });
    const { fake } = await renderWith(<AddServerDialog />, {
      'servers:add': () => ({ server: added }),
    });
    type(/Server address/, 'https://rancher.example.com');
    fireEvent.click(screen.getByText('Advanced'));
    expect(screen.getByLabelText(/System proxy/)).toHaveProperty('checked', true);
    fireEvent.click(screen.getByLabelText(/This proxy/));
    expect(screen.getByRole('button', { name: 'Add server' })).toHaveProperty('disabled', true);
    type(/Proxy address/, 'http://proxy.corp:3128');
    type(/Proxy user name/, 'alice');
    type(/Proxy password/, 'pw-1');
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(fake.callsTo('servers:add')).toHaveLength(1));
    expect(fake.callsTo('servers:add')[0]).toMatchObject({
      url: 'https://rancher.example.com',
      proxy: {
        mode: 'url',
        url: 'http://proxy.corp:3128',
        username: 'alice',
        password: 'pw-1',
        allowPlainHttp: false,
      },
    });
  });

  it('warns about plain HTTP through a proxy and asks for a yes for that server', async () => {
    const { fake } = await renderWith(<AddServerDialog />, {
      'servers:add': () => ({ server: makeServer({ id: 's1' }) }),
    });
    type(/Server address/, 'http://rancher.lab:8080');
    fireEvent.click(screen.getByText('Advanced'));
    expect(screen.getByRole('note').textContent).toContain('would see every credential');
    fireEvent.click(screen.getByLabelText(/Allow plain HTTP through a proxy/));
    fireEvent.click(screen.getByLabelText(/No proxy/));
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.click(screen.getByLabelText(/System proxy/));
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(fake.callsTo('servers:add')).toHaveLength(1));
    expect(fake.callsTo('servers:add')[0]).toMatchObject({
      proxy: { mode: 'system', allowPlainHttp: true },
    });
  });

  it("shows an inspecting proxy's CA and, when trusted, adds the server with it", async () => {
    let attempts = 0;
    const { fake } = await renderWith(<AddServerDialog />, {
      'servers:add': () => {
        attempts++;
        if (attempts === 1) fail(intercepted);
        return { server: makeServer({ id: 's1' }) };
      },
    });
    type(/Server address/, 'https://rancher.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    const review = await screen.findByTestId('proxy-ca-review');
    expect(review.textContent).toContain('CN=Corp Inspection CA');
    expect(review.textContent).toContain(issuer.fingerprint256);
    fireEvent.click(screen.getByRole('button', { name: 'Trust CA and add server' }));
    await waitFor(() => expect(fake.callsTo('servers:add')).toHaveLength(2));
    expect(fake.callsTo('servers:add')[1]).toMatchObject({
      proxyCaFingerprint256: issuer.fingerprint256,
    });
  });

  it('sends no proxy change when the proxy fields were left alone, and the change when not', async () => {
    const server = makeServer({
      id: 's1',
      proxy: {
        mode: 'url',
        url: 'http://proxy.corp:3128',
        username: 'alice',
        hasPassword: true,
        allowPlainHttp: false,
      },
    });
    const { fake } = await renderWith(
      <EditServerDialog serverId="s1" />,
      { 'servers:update': () => ({ server }) },
      [server],
    );
    expect(screen.getByLabelText(/Proxy address/)).toHaveProperty(
      'value',
      'http://proxy.corp:3128',
    );
    expect(screen.getByLabelText(/Proxy password/)).toHaveProperty('value', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('servers:update')).toHaveLength(1));
    expect(fake.callsTo('servers:update')[0]).not.toHaveProperty('proxy');
    await cleanup();

    const again = await renderWith(
      <EditServerDialog serverId="s1" />,
      { 'servers:update': () => ({ server }) },
      [server],
    );
    fireEvent.click(screen.getByLabelText(/No proxy/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(again.fake.callsTo('servers:update')).toHaveLength(1));
    expect(again.fake.callsTo('servers:update')[0]).toMatchObject({
      proxy: { mode: 'none' },
    });
  });

  it('heads a proxy failure as a proxy problem', async () => {
    await renderWith(
      <ErrorNotice
        error={{
          code: 'unreachable',
          message: 'The proxy asks for a password (HTTP 407).',
          proxy: 'auth_required',
        }}
        serverId="s1"
      />,
      {},
    );
    expect(screen.getByRole('alert').textContent).toContain('Proxy problem');
  });
});
