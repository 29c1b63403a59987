import type { Handlers } from '../dispatch';
import type { KeyService } from './key-service';

type KeyChannels =
  | 'keys:list'
  | 'keys:refresh'
  | 'keys:create'
  | 'keys:import'
  | 'keys:setLabels'
  | 'labels:rename'
  | 'keys:renew'
  | 'keys:update'
  | 'keys:delete'
  | 'keys:copy'
  | 'keys:snooze'
  | 'keys:setDefault';

/** The `keys:*` and `labels:*` channels. */
export function createKeyHandlers(keys: KeyService): Pick<Handlers, KeyChannels> {
  return {
    'keys:list': async (input) => keys.list(input),
    'keys:refresh': (input) => keys.refresh(input.serverId),
    'keys:create': (input) => keys.create(input),
    'keys:import': async (input) => ({ key: await keys.import(input) }),
    'keys:setLabels': async (input) => ({ key: await keys.setLabels(input) }),
    'labels:rename': async (input) => ({ renamed: await keys.renameLabel(input) }),
    'keys:renew': (input) => keys.renew(input),
    'keys:update': async (input) => ({ key: await keys.update(input) }),
    'keys:delete': (input) => keys.delete(input),
    'keys:copy': (input) => keys.copy(input),
    'keys:snooze': async (input) => ({ key: await keys.snooze(input) }),
    'keys:setDefault': async (input) => ({ key: await keys.setDefault(input) }),
  };
}
