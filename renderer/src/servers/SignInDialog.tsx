import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AuthProvider } from '../../../electron/contract/servers';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';

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
  const { busy, error, run } = useSubmit();

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

  const submit = () =>
    run(async () => {
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
    });

  const canSubmit = method === 'api_key' ? token.trim() !== '' : username !== '' && password !== '';
  const providerList = providers ?? [];

  return (
    <FormDialog
      title={`Sign in to ${server?.name ?? 'server'}`}
      testId="sign-in-dialog"
      formId="sign-in-form"
      submitLabel="Sign in"
      busyLabel="Signing in…"
      busy={busy}
      canSubmit={canSubmit}
      onSubmit={submit}
      error={error}
      cancelLabel="Later"
      lead={
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
      }
    >
      {method === 'api_key' ? (
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
      ) : (
        <>
          <Field label="Provider">
            <select value={provider} onChange={(e) => setProvider(e.target.value)}>
              {providerList.length === 0 && <option value="local">Local</option>}
              {providerList.map((p) => (
                <option key={p.id} value={p.id}>
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
      <p className="hint">
        Rancher Keys keeps this sign-in in your OS keychain and uses it to list, create and revoke
        your keys.
      </p>
    </FormDialog>
  );
}
