import { useStore } from 'zustand';
import { useStores } from '../ui/stores-context';
import { healthLabels } from './health';

/** The server switcher: every server with its health and near-expiry count, plus the views. */
export function Sidebar() {
  const { servers, ui, expiry } = useStores();
  const list = useStore(servers.store, (s) => s.servers);
  const activeId = useStore(servers.store, (s) => s.activeId);
  const view = useStore(ui.store, (s) => s.view);
  const expiringTotal = useStore(expiry.store, (s) =>
    s.summary ? s.summary.expiringCount + s.summary.expiredCount : 0,
  );

  return (
    <nav className="sidebar" aria-label="Servers and views">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M15 12v2" />
        </svg>
        <span>Rancher Keys</span>
      </div>
      <h2 className="sidebar-heading" id="servers-heading">
        Servers
      </h2>
      <ul className="server-list" aria-labelledby="servers-heading" data-testid="server-list">
        {list.map((server, index) => {
          const current = view === 'keys' && server.id === activeId;
          return (
            <li key={server.id}>
              <button
                type="button"
                className={current ? 'server-item current' : 'server-item'}
                aria-current={current ? 'page' : undefined}
                onClick={() => {
                  ui.setView('keys');
                  void servers.switchTo(server.id).catch(() => undefined);
                }}
                title={`${server.origin}${index < 9 ? ` — Ctrl+${index + 1}` : ''}`}
                data-testid="server-item"
                data-health={server.health}
              >
                <span className={`health-dot health-${server.health}`} aria-hidden="true" />
                <span className="server-text">
                  <span className="server-name">{server.name}</span>
                  <span className="server-health">{healthLabels[server.health]}</span>
                </span>
                {server.nearExpiryCount > 0 && (
                  <span
                    className="count-badge"
                    aria-label={`${server.nearExpiryCount} keys near expiry`}
                  >
                    {server.nearExpiryCount}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button-ghost add-server"
        onClick={() => ui.open({ kind: 'addServer' })}
      >
        + Add server
      </button>
      <div className="sidebar-views">
        <button
          type="button"
          className={view === 'expiring' ? 'view-item current' : 'view-item'}
          aria-current={view === 'expiring' ? 'page' : undefined}
          onClick={() => ui.setView('expiring')}
        >
          Expiring
          {expiringTotal > 0 && <span className="count-badge">{expiringTotal}</span>}
        </button>
        <button
          type="button"
          className={view === 'settings' ? 'view-item current' : 'view-item'}
          aria-current={view === 'settings' ? 'page' : undefined}
          onClick={() => ui.setView('settings')}
        >
          Settings
        </button>
        <button type="button" className="view-item" onClick={() => ui.open({ kind: 'help' })}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    </nav>
  );
}
