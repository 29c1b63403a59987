import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SsoPrompt, SsoState } from '../../../../electron/contract/sign-in';
import { formatDateTime } from '../../format/time';

const stateText: Record<SsoState, string> = {
  waiting: 'Waiting for you to finish signing in…',
  slowed_down:
    'Waiting for you to finish signing in (Microsoft asked Rancher Keys to check less often)…',
  exchanging: 'Signed in at your identity provider; signing in to Rancher…',
  creating_key: 'Creating the key Rancher Keys signs in with…',
  signed_in: 'Signed in.',
  failed: 'The sign-in failed.',
  cancelled: 'The sign-in was cancelled.',
};

/** The code the user compares or types: large, monospaced, selectable, labelled. */
function BigCode({ label, value, short }: { label: string; value: string; short: boolean }) {
  const labelId = useId();
  return (
    <div className="sso-code" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="hint">
        {label}
      </span>
      <span
        className={short ? 'sso-code-value sso-code-short' : 'sso-code-value'}
        data-testid="sso-code"
      >
        {value}
      </span>
    </div>
  );
}

/**
 * What the user needs while a flow runs: the SAML request id to compare with the browser page,
 * the Azure user code to copy and the way to the verification page, or where the browser or
 * window went. The state line is a polite live region, so a screen reader hears progress.
 */
export function SsoRunning({
  prompt,
  state,
  copied,
  onCopy,
  onOpenBrowser,
}: {
  prompt: SsoPrompt;
  state: SsoState;
  copied: boolean;
  onCopy: () => void;
  onOpenBrowser: () => void;
}) {
  const [reopened, setReopened] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // The dialog stays open as the flow starts: focus moves to what the user does next.
  useEffect(() => {
    const node = root.current;
    (node?.querySelector<HTMLElement>('[data-autofocus]') ?? node)?.focus();
  }, [prompt.kind]);
  const frame = (children: ReactNode) => (
    <div ref={root} tabIndex={-1} className="sso-running" data-testid="sso-running">
      {children}
    </div>
  );
  const open = () => {
    setReopened(true);
    onOpenBrowser();
  };
  // SAML and the browser sign-in: the page again, if the browser did not open or was closed.
  const reopen = (opened: boolean) => (
    <div className="sso-code-actions">
      <button type="button" className="button" onClick={open} data-autofocus>
        {reopened || opened ? 'Open the sign-in page again' : 'Open the sign-in page'}
      </button>
    </div>
  );
  const deadline = (
    <p className="hint">Rancher Keys gives up at {formatDateTime(prompt.deadline)}.</p>
  );
  const status = (
    <p className="sso-waiting" role="status" data-testid="sso-state" data-state={state}>
      {stateText[state]}
    </p>
  );

  switch (prompt.kind) {
    case 'saml_relay':
      return frame(
        <>
          <p>
            {prompt.browserOpened
              ? `Your browser opened Rancher's sign-in page. Choose ${prompt.displayName} there.`
              : "Your browser did not open. Open Rancher's sign-in page, then choose " +
                `${prompt.displayName} there.`}{' '}
            The page shows a request id: continue only if it matches this one.
          </p>
          <BigCode label="Request id" value={prompt.requestId} short={false} />
          {status}
          {reopen(prompt.browserOpened)}
          {deadline}
        </>,
      );
    case 'azure_device_code':
      return frame(
        <>
          <p>
            Enter this code on Microsoft&apos;s verification page (
            <span className="mono">{prompt.verificationUri}</span>), then sign in there.
          </p>
          <BigCode label="Your code" value={prompt.userCode} short />
          <div className="sso-code-actions">
            <button
              type="button"
              className={copied ? 'button copied' : 'button'}
              onClick={onCopy}
              data-autofocus
            >
              {copied ? 'Copied ✓' : 'Copy code'}
            </button>
            <button type="button" className="button button-primary" onClick={open}>
              Open the verification page
            </button>
          </div>
          {status}
          {deadline}
        </>,
      );
    case 'azure_pkce':
      return frame(
        <>
          <p>
            {prompt.browserOpened
              ? "Your browser opened Microsoft's sign-in page. Sign in there; Rancher Keys finishes by itself."
              : "Your browser did not open. Open Microsoft's sign-in page and sign in there."}
          </p>
          {status}
          {reopen(prompt.browserOpened)}
          {deadline}
        </>,
      );
    case 'embedded':
      return frame(
        <>
          <p>
            A Rancher Keys window opened on <span className="mono">{prompt.host}</span>. Sign in
            there; its address bar shows which site you are on. It closes by itself once you are
            signed in.
          </p>
          {status}
          {deadline}
        </>,
      );
  }
}
