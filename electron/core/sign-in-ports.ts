/**
 * What single sign-on needs from the desktop shell (issue 15). The core decides everything it can
 * (which URL may open, how the embedded window is hardened, when it is done); the shell only
 * carries it out, so the decisions are unit-tested without Electron.
 */

/**
 * The user's own browser (Electron: `shell.openExternal`). The core passes only `https:` URLs on
 * the server's host or an identity-provider host named by the server's provider list (and
 * `http:` on loopback, for the simulator).
 */
export interface SystemBrowser {
  open(url: string): Promise<void>;
}

/** How the embedded sign-in window must be built (rancher-sso.md §8). Pure data plus one predicate. */
export interface EmbeddedWindowSpec {
  /** `rk-sso-<uuid>`: never `persist:`, so nothing reaches the disk; cleared when the run ends. */
  partition: string;
  /** Rancher's own login page, e.g. `https://rancher.example.com/dashboard/auth/login`. */
  startUrl: string;
  /** The server origin whose `R_SESS` cookie ends the run. */
  serverOrigin: string;
  /** The HttpOnly session cookie to wait for on `serverOrigin`. */
  cookieName: 'R_SESS';
  /** The window title, naming the server ("Sign in to rancher.example.com — inside Rancher Keys"). */
  title: string;
  /** `webPreferences` exactly: sandboxed, isolated, no Node, no preload, web security on. */
  webPreferences: {
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    javascript: true;
    spellcheck: false;
  };
  /** Show a read-only bar with the current page's host (and whether it is https). */
  showHostBar: true;
  /** Deny every `window.open` (`setWindowOpenHandler` → deny). */
  denyWindowOpen: true;
  /** Deny every permission request (camera, notifications…). */
  denyPermissions: true;
  /** Whether a navigation or redirect to `url` may proceed (https only; see `navigationAllowed`). */
  allowNavigation(url: string): boolean;
  /** The run gives up after this long (ms). */
  timeoutMs: number;
}

/** How an embedded run ended. The cookie value is a secret: the core turns it into a key. */
export type EmbeddedOutcome =
  { kind: 'session'; cookie: string } | { kind: 'closed' } | { kind: 'timed_out' };

/**
 * A window inside the app for providers whose redirect Rancher pins to its own `/verify-auth`
 * (rancher-sso.md §5, "D-harvest"). The shell builds it exactly per the spec, resolves once the
 * cookie appears on the server origin (reading HttpOnly cookies from the partition), when the user
 * closes it, or at the timeout; it closes the window when `signal` aborts; and in every case it
 * clears the partition's storage before it settles.
 */
export interface EmbeddedSignInWindow {
  run(spec: EmbeddedWindowSpec, signal: AbortSignal): Promise<EmbeddedOutcome>;
}
