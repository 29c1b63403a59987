import type { AppError } from '../../electron/contract/errors';
import type {
  Channel,
  EventName,
  EventPayload,
  Input,
  Output,
  RancherKeysApi,
} from '../../electron/contract/ipc';

declare global {
  interface Window {
    rancherKeys?: RancherKeysApi;
  }
}

/** A contract error thrown by `Api.call`, so stores can `catch` and switch on `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** The renderer's only way to main: typed calls that throw ApiError, and event subscriptions. */
export interface Api {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps the bridge the preload (or the test bridge's shim) put on `window`. */
export function createApi(bridge: RancherKeysApi): Api {
  return {
    async call(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The api of this window; fails with a clear message when the page is opened outside the app. */
export function apiFromWindow(): Api {
  const bridge = window.rancherKeys;
  if (!bridge) {
    throw new Error('Rancher Keys: this page must be opened by the app (or `npm run demo`).');
  }
  return createApi(bridge);
}
