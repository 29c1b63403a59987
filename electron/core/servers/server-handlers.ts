import type { Handlers } from '../dispatch';
import type { ServerService } from './server-service';

type ServerChannels =
  | 'servers:list'
  | 'servers:add'
  | 'servers:update'
  | 'servers:remove'
  | 'servers:switch'
  | 'servers:providers'
  | 'servers:clusters'
  | 'auth:signIn'
  | 'auth:signOut';

/** The handlers of the server and sign-in channels; `createCore` spreads them into the full map. */
export function createServerHandlers(service: ServerService): Pick<Handlers, ServerChannels> {
  return {
    'servers:list': () =>
      Promise.resolve({ servers: service.list(), activeId: service.activeId() }),
    'servers:add': async (input) => ({ server: await service.add(input) }),
    'servers:update': async (input) => ({ server: await service.update(input) }),
    'servers:remove': async ({ id }) => {
      await service.remove(id);
      return {};
    },
    'servers:switch': async ({ id }) => ({ server: await service.switchTo(id) }),
    'servers:providers': async ({ serverId }) => ({ providers: await service.providers(serverId) }),
    'servers:clusters': async ({ serverId }) => ({ clusters: await service.clusters(serverId) }),
    'auth:signIn': async (input) => ({ server: await service.signIn(input) }),
    'auth:signOut': async ({ serverId }) => ({ server: await service.signOut(serverId) }),
  };
}
