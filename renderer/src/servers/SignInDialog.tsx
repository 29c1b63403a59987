import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import type { AuthProvider } from '../../../electron/contract/servers';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

type Method = 'api_key' | 'password';

/** Sign in to a server: paste an API key, or username and password with a provider. */
export function SignInDialog({ serverId }: { serverId: string }) {
  const { servers, keys, ui, expiry } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [method, setMethod] = useState<Method>('password');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [providers, setProviders] = useState<AuthProvider[] | null>(null);
  const [provider, setProvider] = useState('local');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    servers.providers(serverId).then(
      (list) => {
        if (!live) return;
        const usable = list.filter((p) => p.passwordLogin);
        setProviders(usable);
        if (usable[0] && !usable.some((p) => p.id === 'local')) setProvider(usable[0].id);
      },
      () => live && setProviders([]),
    );
    return () => {
      live = false;
    };
  }, [servers, serverId]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await servers.signIn(
        method === 'api_key'
          ? { serverId, method, token: token.trim() }
          : { serverId, method, provider, username, password },
      );
      setPassword('');
      setToken('');
      ui.close();
      ui.toast(`Signed in to ${signedIn.name}.`, 'success');
      if (keys.store.getState().serverId === serverId) void keys.refresh();
      void expiry.loadSummary();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  const canSubmit = method === 'api_key' ? token.trim() !== '' : username !== '' && password !== '';
  const providerList = providers ?? [];

  return (
    <Dialog
      title={`Sign in to ${server?.name ?? 'server'}`}
      onClose={() => ui.close()}
      testId="sign-in-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Later
          </button>
          <button
            type="submit"
            form="sign-in-form"
            className="button button-primary"
            disabled={busy || !canSubmit}
          >
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </>
      }
    >
      <div className="segmented" role="radiogroup" aria-label="Sign-in method">
        {(
          [
            ['password', 'Username and password'],
            ['api_key', 'API key'],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={method === id}
            className={method === id ? 'segment current' : 'segment'}
            onClick={() => setMethod(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <form
        id="sign-in-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {method === 'api_key' ? (
          <label className="field">
            <span>
              API key <span className="hint">an unscoped bearer token, token-xxxxx:…</span>
            </span>
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="mono"
              data-autofocus
            />
          </label>
        ) : (
          <>
            <label className="field">
              <span>Provider</span>
              <select value={provider} onChange={(e) => setProvider(e.target.value)}>
                {providerList.length === 0 && <option value="local">Local</option>}
                {providerList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Username</span>
              <input
                type="text"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoComplete="username"
                spellCheck={false}
                data-autofocus
              />
            </label>
            <label className="field">
              <span>Password</span>
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
              />
            </label>
          </>
        )}
        <p className="hint">
          Rancher Keys keeps this sign-in in your OS keychain and uses it to list, create and revoke
          your keys.
        </p>
        {error && <ErrorNotice error={error} compact />}
      </form>
    </Dialog>
  );
}
