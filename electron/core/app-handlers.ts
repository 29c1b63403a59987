import type { Handlers } from './dispatch';
import type { SecretStore } from './vault/secret-store';

export interface AppDeps {
  version: string;
  platform: NodeJS.Platform;
  secrets: SecretStore;
}

/** `app:*` channels: what the app is and whether its keychain works. */
export function createAppHandlers(deps: AppDeps): Pick<Handlers, 'app:info'> {
  return {
    'app:info': async () => ({
      version: deps.version,
      platform: deps.platform,
      keychain: await deps.secrets.status(),
    }),
  };
}
