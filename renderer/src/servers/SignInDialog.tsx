import { useEffect, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Server } from '../../../electron/contract/servers';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { toAppError } from '../ui/error-text';
import { useSubmit } from '../ui/use-submit';
import {
  fallbackChoices,
  signInChoices,
  type SignInChoices,
  type SignInTab,
} from './sso/sign-in-choices';
import { SsoChoice } from './sso/SsoChoice';
import { createSsoFlow } from './sso/sso-flow';
import { SsoRunning } from './sso/SsoRunning';
import './sso/sso.css';

const tabLabels: Record<SignInTab, string> = {
  sso: 'Single sign-on',
  password: 'Username and password',
  api_key: 'API key',
};

/**
 * Sign in to a server with what its providers allow (`auth:methods`): single sign-on (SAML
 * through the browser, Azure AD by browser or code, other providers inside an opt-in window),
 * username and password, and always the pasted API key as the way in when nothing else works.
 */
export function SignInDialog({ serverId }: { serverId: string }) {
  const { servers, keys, ui, expiry, api } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [choices, setChoices] = useState<SignInChoices | null>(null);
  const [methodsFailed, setMethodsFailed] = useState(false);
  const [tab, setTab] = useState<SignInTab | null>(null);
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [provider, setProvider] = useState('local');
  const { busy, error, setError, run } = useSubmit();

  const signedIn = (done: Server) => {
    setPassword('');
    setToken('');
    ui.close();
    ui.toast(`Signed in to ${done.name}.`, 'success');
    if (keys.store.getState().serverId === serverId) void keys.refresh();
    void expiry.loadSummary();
  };
  const [flow] = useState(() => createSsoFlow(api, serverId, (done) => signedIn(done)));
  const sso = useStore(flow.store);
  useEffect(() => () => flow.dispose(), [flow]);

  useEffect(() => {
    let live = true;
    api.call('auth:methods', { serverId }).then(
      ({ methods }) => {
        if (!live) return;
        const found = signInChoices(methods);
        setChoices(found);
        const first = found.password[0];
        if (first && !found.password.some((p) => p.provider === 'local')) {
          setProvider(first.provider);
        }
      },
      () => {
        if (!live) return;
        setChoices(fallbackChoices);
        setMethodsFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api, serverId]);

  const offered = choices ?? fallbackChoices;
  const current: SignInTab = tab && offered.tabs.includes(tab) ? tab : offered.tabs[0]!;
  const running = sso.phase === 'running' ? sso : null;
  const ssoError = sso.phase === 'idle' ? sso.error : null;

  const submit = () =>
    run(async () => {
      if (current === 'sso') return;
      const done = await servers.signIn(
        current === 'api_key'
          ? { serverId, method: 'api_key', token: token.trim() }
          : { serverId, method: 'password', provider, username, password },
      );
      signedIn(done);
    });

  const title = `Sign in to ${server?.name ?? 'server'}`;
  if (running) {
    return (
      <FormDialog
        title={title}
        testId="sign-in-dialog"
        submitLabel=""
        hideSubmit
        busy={false}
        onSubmit={async () => undefined}
        error={null}
        cancelLabel="Cancel sign-in"
        onCancel={() => flow.cancel()}
        wide
      >
        <SsoRunning
          prompt={running.prompt}
          state={running.state}
          copied={running.copied}
          onCopy={() => void flow.copyCode().catch((e: unknown) => setError(toAppError(e)))}
          onOpenBrowser={() => void flow.openBrowser().catch(() => undefined)}
        />
      </FormDialog>
    );
  }

  const canSubmit =
    current === 'api_key' ? token.trim() !== '' : username !== '' && password !== '';
  const tabs = (
    <div className="segmented" role="radiogroup" aria-label="Sign-in method">
      {offered.tabs.map((id) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={current === id}
          className={current === id ? 'segment current' : 'segment'}
          onClick={() => {
            setTab(id);
            setError(null);
          }}
        >
          {tabLabels[id]}
        </button>
      ))}
    </div>
  );

  return (
    <FormDialog
      title={title}
      testId="sign-in-dialog"
      formId={current === 'sso' ? undefined : 'sign-in-form'}
      submitLabel="Sign in"
      busyLabel="Signing in…"
      busy={busy}
      canSubmit={canSubmit}
      onSubmit={submit}
      error={current === 'sso' ? ssoError : error}
      errorServerId={current === 'sso' ? undefined : serverId}
      cancelLabel="Later"
      hideSubmit={current === 'sso'}
      lead={tabs}
      wide={current === 'sso'}
    >
      {current === 'sso' && (
        <SsoChoice
          browser={offered.browser}
          embedded={offered.embedded}
          busy={sso.phase === 'starting'}
          onStart={(method) => void flow.start(method)}
        />
      )}
      {current === 'api_key' && (
        <Field label="API key" hint="an unscoped bearer token, token-xxxxx:…">
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            data-autofocus
          />
        </Field>
      )}
      {current === 'password' && (
        <>
          <Field label="Provider">
            <select value={provider} onChange={(e) => setProvider(e.target.value)}>
              {offered.password.map((p) => (
                <option key={p.provider} value={p.provider}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Username">
            <input
              type="text"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              spellCheck={false}
              data-autofocus
            />
          </Field>
          <Field label="Password">
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          </Field>
        </>
      )}
      {methodsFailed && (
        <p className="hint">
          Rancher Keys could not read this server&apos;s sign-in methods; a pasted API key always
          works.
        </p>
      )}
      <p className="hint">
        Rancher Keys keeps this sign-in in your OS keychain and uses it to list, create and revoke
        your keys.
      </p>
    </FormDialog>
  );
}
