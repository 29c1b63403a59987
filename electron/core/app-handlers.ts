import type { Handlers } from './dispatch';
import type { MetadataProblem } from './vault/metadata-store';
import type { SecretStore } from './vault/secret-store';

/** What only the desktop shell knows: its log file, whether a tray shows, and opening the log. */
export interface DesktopPort {
  /** The log file's path, or null when it could not be opened. */
  logFile(): string | null;
  /** Whether a tray icon can be seen (false: closing the window quits). */
  trayAvailable: boolean;
  /** Shows the log file in the OS file manager; false when there is no log file. */
  showLogFile(): boolean;
}

/** Without a shell (CLI, tests that do not say): no log file, and a tray is assumed. */
export const noDesktop: DesktopPort = {
  logFile: () => null,
  trayAvailable: true,
  showLogFile: () => false,
};

export interface AppDeps {
  version: string;
  platform: NodeJS.Platform;
  secrets: SecretStore;
  /** Metadata files found damaged and moved aside since start. */
  dataProblems?: () => readonly MetadataProblem[];
  /** Why writes are refused (another process holds the data folder), or null. */
  dataFolderInUse?: () => string | null;
  /** The shell's part (default {@link noDesktop}). */
  desktop?: DesktopPort;
}

/**
 * `app:*` channels: what the app is, whether its keychain works, damaged data files, the log file
 * and the tray.
 */
export function createAppHandlers(
  deps: AppDeps,
): Pick<Handlers, 'app:info' | 'app:showLogFile' | 'app:ready'> {
  const desktop = deps.desktop ?? noDesktop;
  return {
    // The handshake is the shell's (its IPC choke point sees the sender); here it is only answered.
    'app:ready': () => Promise.resolve({}),
    'app:info': async () => {
      const problems = deps.dataProblems?.() ?? [];
      const inUse = deps.dataFolderInUse?.() ?? null;
      return {
        version: deps.version,
        platform: deps.platform,
        keychain: await deps.secrets.status(),
        logFile: desktop.logFile(),
        trayAvailable: desktop.trayAvailable,
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
    // The path is the shell's own, never taken from the renderer.
    'app:showLogFile': () => Promise.resolve({ shown: desktop.showLogFile() }),
  };
}
