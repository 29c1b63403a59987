import type { Handlers } from './dispatch';
import type { MetadataProblem } from './vault/metadata-store';
import type { SecretStore } from './vault/secret-store';

export interface AppDeps {
  version: string;
  platform: NodeJS.Platform;
  secrets: SecretStore;
  /** Metadata files found damaged and moved aside since start. */
  dataProblems?: () => readonly MetadataProblem[];
  /** Why writes are refused (another process holds the data folder), or null. */
  dataFolderInUse?: () => string | null;
}

/** `app:*` channels: what the app is, whether its keychain works, and damaged data files. */
export function createAppHandlers(deps: AppDeps): Pick<Handlers, 'app:info'> {
  return {
    'app:info': async () => {
      const problems = deps.dataProblems?.() ?? [];
      const inUse = deps.dataFolderInUse?.() ?? null;
      return {
        version: deps.version,
        platform: deps.platform,
        keychain: await deps.secrets.status(),
        ...(problems.length > 0
          ? {
              dataProblems: problems.map((p) => ({
                file: p.file.split(/[\\/]/).pop() ?? p.file,
                movedTo: p.movedTo,
                reason: p.reason,
              })),
            }
          : {}),
        ...(inUse ? { dataFolderInUse: inUse } : {}),
      };
    },
  };
}
