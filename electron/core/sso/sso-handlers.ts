import type { Handlers } from '../dispatch';
import type { SsoService } from './sso-service';

type SsoChannels =
  | 'auth:methods'
  | 'auth:ssoStart'
  | 'auth:ssoOpenBrowser'
  | 'auth:ssoCopyCode'
  | 'auth:ssoWait'
  | 'auth:ssoCancel';

/** The handlers of the single sign-on channels; `createCore` spreads them into the full map. */
export function createSsoHandlers(sso: SsoService): Pick<Handlers, SsoChannels> {
  return {
    'auth:methods': async ({ serverId }) => ({ methods: await sso.methods(serverId) }),
    'auth:ssoStart': (input) => sso.start(input),
    'auth:ssoOpenBrowser': async ({ flowId }) => ({ opened: await sso.openBrowser(flowId) }),
    'auth:ssoCopyCode': async ({ flowId }) => ({ copied: await sso.copyCode(flowId) }),
    'auth:ssoWait': async ({ flowId }) => ({ server: await sso.wait(flowId) }),
    'auth:ssoCancel': (input) =>
      Promise.resolve({
        cancelled: 'flowId' in input ? sso.cancel(input.flowId) : sso.cancelServer(input.serverId),
      }),
  };
}
