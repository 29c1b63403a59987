import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../electron/contract/errors';
import type { Input, Output } from '../../../electron/contract/ipc';
import type { AuthProvider, Cluster, Server } from '../../../electron/contract/servers';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';

export interface ServersState {
  status: 'loading' | 'ready' | 'error';
  servers: Server[];
  activeId: string | null;
  error: AppError | null;
}

/** The server registry as the window sees it; actions call main and reload. */
export function createServersStore(api: Api) {
  const store = createStore<ServersState>()(() => ({
    status: 'loading',
    servers: [],
    activeId: null,
    error: null,
  }));

  function upsert(server: Server) {
    store.setState((s) => {
      const known = s.servers.some((x) => x.id === server.id);
      return {
        servers: known
          ? s.servers.map((x) => (x.id === server.id ? server : x))
          : [...s.servers, server],
      };
    });
  }

  const actions = {
    store,
    async load(): Promise<void> {
      try {
        actions.receive(await api.call('servers:list', {}));
      } catch (error) {
        store.setState({ status: 'error', error: toAppError(error) });
      }
    },
    /** Shows the servers main sent (`servers:list`, or the start answer). */
    receive({ servers, activeId }: Output<'servers:list'>): void {
      store.setState({ status: 'ready', servers, activeId, error: null });
    },
    /** Makes `id` the active server (no-op when it already is). */
    async switchTo(id: string): Promise<void> {
      if (store.getState().activeId === id) return;
      store.setState({ activeId: id });
      const { server } = await api.call('servers:switch', { id });
      upsert(server);
    },
    /** Adds a server; throws ApiError (e.g. `tls_untrusted` with the certificate). */
    async add(input: Input<'servers:add'>): Promise<Server> {
      const { server } = await api.call('servers:add', input);
      upsert(server);
      store.setState({ activeId: server.active ? server.id : store.getState().activeId });
      await actions.load();
      return server;
    },
    async update(input: Input<'servers:update'>): Promise<Server> {
      const { server } = await api.call('servers:update', input);
      upsert(server);
      return server;
    },
    async remove(id: string): Promise<void> {
      await api.call('servers:remove', { id });
      await actions.load();
    },
    async signIn(input: Input<'auth:signIn'>): Promise<Server> {
      const { server } = await api.call('auth:signIn', input);
      upsert(server);
      return server;
    },
    async signOut(serverId: string): Promise<Server> {
      const { server } = await api.call('auth:signOut', { serverId });
      upsert(server);
      return server;
    },
    async providers(serverId: string): Promise<AuthProvider[]> {
      return (await api.call('servers:providers', { serverId })).providers;
    },
    async clusters(serverId: string): Promise<Cluster[]> {
      return (await api.call('servers:clusters', { serverId })).clusters;
    },
  };
  return actions;
}
export type ServersStore = ReturnType<typeof createServersStore>;

/** The active server, or null. */
export function selectActiveServer(s: ServersState): Server | null {
  return s.servers.find((x) => x.id === s.activeId) ?? null;
}
