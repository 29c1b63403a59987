import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../contract/errors';
import type { Input, Output, RancherKeysApi } from '../contract/ipc';
import { isChannel, isEventName, type Channel } from '../contract/names';

/**
 * The only API the renderer gets: invoke a contract channel, or listen to a contract event.
 * Bundled into one CommonJS file (sandboxed preloads cannot load modules).
 */
const api: RancherKeysApi = {
  invoke<C extends Channel>(channel: C, input: Input<C>) {
    // Checked through an unknown so the generic channel type is kept for the call below.
    const name: unknown = channel;
    if (!isChannel(name)) return Promise.reject(new Error('Unknown channel'));
    return ipcRenderer.invoke(channel, input) as Promise<Result<Output<C>>>;
  },
  on(event, listener) {
    const name: unknown = event;
    if (!isEventName(name)) throw new Error('Unknown event');
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('rancherKeys', api);
