import type { DesktopPort } from './app-handlers';
import type { Dispatch, Handlers } from './dispatch';
import type { CommandLineDeps } from './kubeconfig/command-line';
import type { EventSink } from './events';
import type { CrashStep } from './keys/key-context';
import type { Logger } from './log';
import type { ProxyResolver } from './network/proxy-route';
import type { TrustStore } from './network/trust-store';
import type { FilePickerPort } from './plaintext/file-picker';
import type { ClipboardPort, Clock } from './ports';
import type { RancherClient, RancherClientOptions } from './rancher/rancher-client';
import type { SecretStore } from './vault/secret-store';
import type { EmbeddedSignInWindow, SystemBrowser } from './sign-in-ports';
import type { SsoTiming } from './sso/flow-types';

/** What the shell (or the test bridge) provides to build the core. */
export interface CoreDeps {
  appVersion: string;
  platform: NodeJS.Platform;
  /** Directory for metadata JSON files (Electron: `app.getPath('userData')`). */
  dataDir: string;
  secrets: SecretStore;
  clipboard: ClipboardPort;
  clock: Clock;
  log: Logger;
  /** Builds a server's Rancher client (default: the axios client); tests may wrap it. */
  createRancherClient?: (options: RancherClientOptions) => RancherClient;
  /** Test hook: called after each step of create/renew (the crash tests kill the process here). */
  crashPoint?: (step: CrashStep) => void | Promise<void>;
  /** The `rancher-keys` command and the user's environment, for "Use with kubectl…" and install. */
  commandLine?: CommandLineDeps;
  /** Upper bound for one server's background refresh (default: its request timeout + 2 s). */
  refreshTimeoutMs?: number;
  /**
   * The system proxy for servers set to "system": `session.resolveProxy` (OS settings, PAC) in the
   * app. Default: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` from the environment.
   */
  systemProxy?: ProxyResolver;
  /** The OS's trusted certificates. Default: this machine's store; tests pass a test bundle. */
  trustStore?: TrustStore;
  /** The desktop shell's log file and tray (default: none, a tray assumed). */
  desktop?: DesktopPort;
  /** The user's browser, for SAML and Azure AD sign-in; without it those are not offered. */
  systemBrowser?: SystemBrowser;
  /** The embedded sign-in window (GitHub, Google, OIDC…); without it those are not offered. */
  embeddedSignIn?: EmbeddedSignInWindow;
  /** Single sign-on's polling intervals and limits (tests shorten them). */
  ssoTiming?: Partial<SsoTiming>;
  /** The OS file dialog, for files the user adds to the Plaintext check (default: none). */
  filePicker?: FilePickerPort;
}

/** The running core: every contract handler, its events, and its lifecycle. */
export interface Core {
  handlers: Handlers;
  /** The IPC choke point over `handlers` (design.md §3). */
  dispatch: Dispatch;
  /** Main → renderer events, also consumed by the tray and notifications. */
  subscribe(listener: EventSink): () => void;
  /**
   * Loads cached lists (available at once), then, on the next turn and in the background, recovers
   * the create/renew journal, arms the expiry scheduler and refreshes every server. Resolves once
   * cached state is loaded.
   */
  start(): Promise<void>;
  /** Cancels timers and pending clipboard clears; flushes metadata. */
  stop(): Promise<void>;
}
