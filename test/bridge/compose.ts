import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core, CoreDeps } from '../../electron/core/core';
import { cliBundle } from '../../scripts/build-cli.mjs';
import { createCore } from '../../electron/core/create-core';
import type { Dispatch } from '../../electron/core/dispatch';
import { createMemoryLogger, type Logger } from '../../electron/core/log';
import { systemClock, type ClipboardPort, type Clock } from '../../electron/core/ports';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store';
import type { SecretStore } from '../../electron/core/vault/secret-store';
import { createManualClock, type ManualClock } from '../unit/core/fakes/manual-clock';
import { createRecordingClipboard } from '../unit/core/fakes/recording-clipboard';

export { createManualClock, type ManualClock };

export interface TestCore {
  dispatch: Dispatch;
  secrets: SecretStore;
  log: Logger & { lines: string[] };
  keychainService: string;
  core: Core;
  /** How often "Show the log file" was asked for (the real app opens the file manager). */
  shownLogFiles: () => number;
  /** Records what would have been copied: `writes` (every write) and `current`. */
  clipboard: ClipboardPort & { writes: string[]; current: string };
  /** The core's clock: the system clock, or the controllable one passed in. */
  clock: Clock;
  dataDir: string;
  /** Starts the core once (the first dispatch does it too); later calls return the same promise. */
  ready(): Promise<void>;
  /**
   * What the next "Add a file" in the Plaintext check picks (the app shows the OS dialog): a path,
   * or null for a cancelled dialog (the default).
   */
  setPickedFile(file: string | null): void;
  /** Stops the core, deletes this test's keychain items and its data dir (unless passed in). */
  close(): Promise<void>;
}

/**
 * Builds the real core (createCore) with real dependencies, as main does, for the bridge, the e2e
 * tests and integration tests: keytar on whatever Secret Service this process sees, under a
 * test-only service name so a user's own items are never touched; a temp data dir; a recording
 * clipboard; and optionally a controllable clock (`createManualClock()`), whose timers fire when it
 * is moved. The core starts on the first dispatch (or `await ready()`).
 */
export function createTestCore(
  options: {
    keychainService?: string;
    secrets?: SecretStore;
    dataDir?: string;
    clock?: Clock | ManualClock;
    /** Keep keychain items and the data dir on close (for restart tests). */
    keep?: boolean;
    /** What the core is told about the desktop's tray (default: a tray shows). */
    trayAvailable?: boolean;
  } & Pick<
    CoreDeps,
    | 'createRancherClient'
    | 'crashPoint'
    | 'refreshTimeoutMs'
    | 'systemBrowser'
    | 'embeddedSignIn'
    | 'ssoTiming'
    | 'systemProxy'
    | 'trustStore'
  > = {},
): TestCore {
  const keychainService =
    options.keychainService ?? `rancher-keys-test-${randomBytes(4).toString('hex')}`;
  const secrets = options.secrets ?? createKeytarSecretStore({ service: keychainService });
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'rancher-keys-test-'));
  const log = createMemoryLogger();
  const clipboard = createRecordingClipboard();
  const clock = options.clock ?? systemClock;
  // The shell's desktop part: a log file path under the data dir, and a recorded "show" action.
  let shownLogFiles = 0;
  const logFile = path.join(dataDir, 'logs', 'main.log');
  let pickedFile: string | null = null;
  const core = createCore({
    filePicker: { pickFile: async () => pickedFile },
    desktop: {
      logFile: () => logFile,
      trayAvailable: options.trayAvailable ?? true,
      showLogFile: () => {
        shownLogFiles += 1;
        return true;
      },
    },
    appVersion: '0.1.0-test',
    platform: process.platform,
    dataDir,
    secrets,
    clipboard,
    clock,
    log,
    ...(options.createRancherClient ? { createRancherClient: options.createRancherClient } : {}),
    ...(options.crashPoint ? { crashPoint: options.crashPoint } : {}),
    ...(options.refreshTimeoutMs ? { refreshTimeoutMs: options.refreshTimeoutMs } : {}),
    ...(options.systemBrowser ? { systemBrowser: options.systemBrowser } : {}),
    ...(options.embeddedSignIn ? { embeddedSignIn: options.embeddedSignIn } : {}),
    ...(options.ssoTiming ? { ssoTiming: options.ssoTiming } : {}),
    ...(options.systemProxy ? { systemProxy: options.systemProxy } : {}),
    ...(options.trustStore ? { trustStore: options.trustStore } : {}),
    // "Use with kubectl…" merges into <dataDir>/.kube/config, never the user's own kubeconfig,
    // and kubeconfigs run the checkout's bundled command (npm run rancher-keys builds it).
    commandLine: {
      executable: { command: process.execPath, args: [cliBundle] },
      home: dataDir,
      env: { PATH: process.env.PATH },
      platform: process.platform,
      keychainService,
      dataDir,
    },
  });
  let started: Promise<void> | undefined;
  const ready = () => (started ??= core.start());
  return {
    dispatch: async (channel, input) => {
      await ready();
      return core.dispatch(channel, input);
    },
    ready,
    secrets,
    log,
    keychainService,
    core,
    clipboard,
    clock,
    dataDir,
    shownLogFiles: () => shownLogFiles,
    setPickedFile: (file) => {
      pickedFile = file;
    },
    async close() {
      if (started) await started.catch(() => undefined);
      await core.stop();
      if (options.keep) return;
      if (!options.secrets) {
        for (const account of await secrets.accounts().catch(() => [])) {
          await secrets.delete(account).catch(() => false);
        }
      }
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
