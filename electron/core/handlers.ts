import { AppFailure } from './app-failure';
import { createAppHandlers, type AppDeps } from './app-handlers';
import type { Handlers } from './dispatch';

export type HandlerDeps = AppDeps;

const pending = (): Promise<never> =>
  Promise.reject(new AppFailure('internal', 'This part of Rancher Keys is not built yet.'));

/** Every contract channel's handler, built from the core services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createAppHandlers(deps),
    'settings:get': pending,
    'settings:set': pending,
    'servers:list': pending,
    'servers:add': pending,
    'servers:update': pending,
    'servers:remove': pending,
    'servers:switch': pending,
    'servers:providers': pending,
    'servers:clusters': pending,
    'auth:signIn': pending,
    'auth:signOut': pending,
    'keys:list': pending,
    'keys:refresh': pending,
    'keys:expiring': pending,
    'keys:create': pending,
    'keys:import': pending,
    'keys:setLabels': pending,
    'labels:rename': pending,
    'keys:renew': pending,
    'keys:update': pending,
    'keys:delete': pending,
    'keys:copy': pending,
    'keys:snooze': pending,
    'expiry:summary': pending,
  };
}
