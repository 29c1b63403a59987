import { useEffect, useState } from 'react';
import type { AppInfo } from '../../electron/contract/app';
import type { Api } from './api';
import { ApiError } from './api';

/** The window's root. */
export function App({ api }: { api: Api }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .call('app:info', {})
      .then(setInfo, (e: unknown) =>
        setError(
          e instanceof ApiError ? e.message : 'Rancher Keys could not reach its main process.',
        ),
      );
  }, [api]);

  return (
    <main className="app">
      <h1>Rancher Keys</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <dl aria-label="About this app">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
          <dt>Keychain</dt>
          <dd data-testid="keychain-status">
            {info.keychain.status}
            {info.keychain.reason && ` — ${info.keychain.reason}`}
          </dd>
          {info.keychain.fix && <dd data-testid="keychain-fix">{info.keychain.fix}</dd>}
        </dl>
      )}
    </main>
  );
}
