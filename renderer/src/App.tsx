import { useEffect, useRef, useState } from 'react';
import { useStore } from './ui/use-store';
import type { Api } from './api';
import { createAppStores, startApp, type AppStores } from './app-stores';
import { ActivityView } from './activity/ActivityView';
import { ExpiringView } from './expiry/ExpiringView';
import { ExpiryBanner } from './expiry/ExpiryBanner';
import { HygieneView } from './hygiene/HygieneView';
import { KeysView } from './keys/KeysView';
import { PlaintextView } from './plaintext/PlaintextView';
import { FirstRun } from './servers/FirstRun';
import { selectActiveServer } from './servers/servers-store';
import { Sidebar } from './servers/Sidebar';
import { SettingsView } from './settings/SettingsView';
import { DataFolderInUseBanner } from './ui/DataFolderInUse';
import { DataProblemsBanner } from './ui/DataProblems';
import { DialogHost } from './ui/DialogHost';
import { ErrorNotice } from './ui/ErrorNotice';
import { KeychainBanner } from './ui/KeychainBanner';
import { StoresContext, useStores } from './ui/stores-context';
import { Toasts } from './ui/Toasts';
import { useShortcuts } from './ui/use-shortcuts';
import { useTheme } from './ui/use-theme';

function Main({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { servers, ui } = useStores();
  const view = useStore(ui.store, (s) => s.view);
  const status = useStore(servers.store, (s) => s.status);
  const error = useStore(servers.store, (s) => s.error);
  const count = useStore(servers.store, (s) => s.servers.length);
  const active = useStore(servers.store, selectActiveServer);

  if (view === 'settings') return <SettingsView />;
  if (view === 'expiring') return <ExpiringView />;
  if (view === 'hygiene') return <HygieneView />;
  if (view === 'activity') return <ActivityView />;
  if (view === 'plaintext') return <PlaintextView />;
  if (status === 'error' && error) {
    return (
      <section className="view">
        <ErrorNotice error={error} onRetry={() => void servers.load()} />
      </section>
    );
  }
  if (status === 'loading') {
    return (
      <section className="view">
        <div className="skeleton" role="status" aria-busy="true" aria-label="Loading">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="skeleton-row" />
          ))}
        </div>
      </section>
    );
  }
  if (count === 0) return <FirstRun />;
  if (!active) {
    return (
      <section className="view empty">
        <h1>Choose a server</h1>
        <p>Pick a server in the sidebar to see its keys.</p>
      </section>
    );
  }
  return <KeysView key={active.id} server={active} searchRef={searchRef} />;
}

function Shell() {
  const searchRef = useRef<HTMLInputElement>(null);
  useTheme();
  useShortcuts(searchRef);
  return (
    <div className="app">
      <Sidebar />
      <div className="content">
        <KeychainBanner />
        <DataFolderInUseBanner />
        <DataProblemsBanner />
        <ExpiryBanner />
        <main className="main" id="main">
          <Main searchRef={searchRef} />
        </main>
      </div>
      <DialogHost />
      <Toasts />
    </div>
  );
}

/**
 * The window's root: creates the stores for `api` (or uses the given ones) and starts them;
 * `firstScreenStarted` when main.tsx has asked for the first screen already.
 */
export function App({
  api,
  stores: given,
  firstScreenStarted = false,
}: {
  api: Api;
  stores?: AppStores;
  firstScreenStarted?: boolean;
}) {
  const [stores] = useState(() => given ?? createAppStores(api));
  useEffect(() => startApp(stores, firstScreenStarted), [stores, firstScreenStarted]);
  return (
    <StoresContext.Provider value={stores}>
      <Shell />
    </StoresContext.Provider>
  );
}
