import { useId, useState } from 'react';
import type { SsoMethod } from './sso-flow';
import { ssoButtonHint, ssoButtonLabel } from './sign-in-choices';

/** One button per flow, with a line saying what it does. */
function MethodButton({
  method,
  disabled,
  onStart,
}: {
  method: SsoMethod;
  disabled: boolean;
  onStart: (method: SsoMethod) => void;
}) {
  const hintId = useId();
  return (
    <li>
      <button
        type="button"
        className="button"
        disabled={disabled}
        aria-describedby={hintId}
        onClick={() => onStart(method)}
        data-testid={`sso-${method.kind}`}
      >
        {ssoButtonLabel(method)}
      </button>{' '}
      <span id={hintId} className="hint">
        {ssoButtonHint(method)}
      </span>
    </li>
  );
}

/** A list of flow buttons. */
function MethodList({
  methods,
  label,
  busy,
  onStart,
}: {
  methods: SsoMethod[];
  label: string;
  busy: boolean;
  onStart: (method: SsoMethod) => void;
}) {
  return (
    <ul className="sso-method-list" aria-label={label}>
      {methods.map((m) => (
        <MethodButton
          key={`${m.kind}:${m.provider}`}
          method={m}
          disabled={busy}
          onStart={onStart}
        />
      ))}
    </ul>
  );
}

/**
 * The single sign-on choices: the browser flows first; the embedded window only after the user
 * opts in, labelled as signing in inside Rancher Keys, because its pages run in the app rather
 * than in the browser the user knows (RFC 8252 §8.12).
 */
export function SsoChoice({
  browser,
  embedded,
  busy,
  onStart,
}: {
  browser: SsoMethod[];
  embedded: SsoMethod[];
  busy: boolean;
  onStart: (method: SsoMethod) => void;
}) {
  const [optedIn, setOptedIn] = useState(false);
  return (
    <>
      {browser.length > 0 && (
        <MethodList
          methods={browser}
          label="Sign in through your browser"
          busy={busy}
          onStart={onStart}
        />
      )}
      {embedded.length > 0 && (
        <fieldset className="sso-embedded-note">
          <legend>Sign in inside Rancher Keys</legend>
          <p className="hint">
            {embedded.map((m) => m.displayName || m.provider).join(', ')} cannot hand a sign-in to
            another app. Rancher Keys can open its page in a window of its own instead: a separate,
            throwaway browser session that shows the page&apos;s address at the top and is wiped
            when you are done. Your browser&apos;s saved sign-ins are not there.
          </p>
          <label className="field field-inline">
            <input
              type="checkbox"
              checked={optedIn}
              onChange={(e) => setOptedIn(e.target.checked)}
            />
            <span>Sign in inside a Rancher Keys window</span>
          </label>
          {optedIn && (
            <MethodList
              methods={embedded}
              label="Sign in inside Rancher Keys"
              busy={busy}
              onStart={onStart}
            />
          )}
        </fieldset>
      )}
    </>
  );
}
