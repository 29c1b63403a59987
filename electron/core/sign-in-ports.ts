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
  /**
   * Whether the page's main frame may go to `url` (a navigation or a redirect), `from` being the
   * page or redirect it leaves: https only, on the server, a host its provider list names, or a
   * host the server itself sent the window to (`createEmbeddedNavigation`). Subframes need only
   * https.
   */
  allowNavigation(url: string, from?: string | null): boolean;
  /**
   * What a main-frame navigation, redirect or loaded page at `url` means for the run: null to go
   * on, or why the run stops now (a refused host, the IdP's refusal or error, Rancher's error
   * page). The shell ends the run with `{ kind: 'stopped', stop }` and cancels the navigation.
   */
  verdict(url: string, from?: string | null): EmbeddedStop | null;
  /** The run gives up after this long (ms). */
  timeoutMs: number;
}

/** Why a page ended an embedded run before Rancher's session cookie appeared. */
export type EmbeddedStop =
  /** The main frame was headed for a host that is not the server's or its IdP's. */
  | { kind: 'blocked'; host: string }
  /** The IdP refuses embedded browsers (Google's `disallowed_useragent`). */
  | { kind: 'disallowed_useragent' }
  /** The user declined at the IdP (`error=access_denied` on Rancher's callback). */
  | { kind: 'denied' }
  /** The IdP answered Rancher's callback with another error. */
  | { kind: 'idp_error' }
  /** Rancher's login page shows an error: it could not complete the sign-in. */
  | { kind: 'rancher_error' };

/** How an embedded run ended. The cookie value is a secret: the core turns it into a key. */
export type EmbeddedOutcome =
  | { kind: 'session'; cookie: string }
  | { kind: 'closed' }
  | { kind: 'timed_out' }
  | { kind: 'stopped'; stop: EmbeddedStop };

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
