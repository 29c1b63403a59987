import { useState } from 'react';
import { useStore } from '../ui/use-store';
import { useStores } from '../ui/stores-context';
import { healthLabels } from './health';
import { SidebarIcon } from './SidebarIcon';
import './servers.css';

/** Up to two letters standing for a server in the collapsed sidebar. */
export function serverInitials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/u)
    .filter(Boolean);
  const letters =
    words.length > 1
      ? [...(words[0] ?? '')][0]! + [...(words[1] ?? '')][0]!
      : [...name.trim()].slice(0, 2).join('');
  return letters.toUpperCase() || '?';
}

/**
 * The server switcher: every server with its health and near-expiry count, plus the views. Below
 * ~1000px it collapses to a rail (initials, health dots, icons; names stay the accessible names);
 * its toggle opens it over the content at full width.
 */
export function Sidebar() {
  const { servers, ui, expiry } = useStores();
  const list = useStore(servers.store, (s) => s.servers);
  const activeId = useStore(servers.store, (s) => s.activeId);
  const view = useStore(ui.store, (s) => s.view);
  const expiringTotal = useStore(expiry.store, (s) =>
    s.summary ? s.summary.expiringCount + s.summary.expiredCount : 0,
  );
  const [open, setOpen] = useState(false);

  function go(then: () => void) {
    setOpen(false);
    then();
  }

  return (
    <nav
      className={open ? 'sidebar open' : 'sidebar'}
      aria-label="Servers and views"
      onKeyDown={(e) => {
        if (open && e.key === 'Escape') {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M15 12v2" />
        </svg>
        <span className="rail-hide">Rancher Keys</span>
      </div>
      <button
        type="button"
        className="icon-button sidebar-toggle"
        aria-expanded={open}
        aria-controls="server-list"
        aria-label={open ? 'Collapse the sidebar' : 'Expand the sidebar'}
        title={open ? 'Collapse the sidebar' : 'Show server names'}
        onClick={() => setOpen(!open)}
        data-testid="sidebar-toggle"
      >
        <SidebarIcon name={open ? 'collapse' : 'expand'} />
      </button>
      <h2 className="sidebar-heading rail-hide" id="servers-heading">
        Servers
      </h2>
      <ul
        className="server-list"
        id="server-list"
        aria-labelledby="servers-heading"
        data-testid="server-list"
      >
        {list.map((server, index) => {
          const current = view === 'keys' && server.id === activeId;
          return (
            <li key={server.id}>
              <button
                type="button"
                className={current ? 'server-item current' : 'server-item'}
                aria-current={current ? 'page' : undefined}
                onClick={() =>
                  go(() => {
                    ui.setView('keys');
                    void servers.switchTo(server.id).catch(() => undefined);
                  })
                }
                title={`${server.name} — ${server.origin}${index < 9 ? ` — Ctrl+${index + 1}` : ''}`}
                data-testid="server-item"
                data-health={server.health}
              >
                <span className="server-avatar" aria-hidden="true">
                  {serverInitials(server.name)}
                  <span className={`health-dot health-${server.health}`} />
                </span>
                <span className="server-text rail-hide">
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
        onClick={() => go(() => ui.open({ kind: 'addServer' }))}
        title="Add server"
      >
        <SidebarIcon name="add" />
        <span className="rail-hide">Add server</span>
      </button>
      <div className="sidebar-views">
        <button
          type="button"
          className={view === 'expiring' ? 'view-item current' : 'view-item'}
          aria-current={view === 'expiring' ? 'page' : undefined}
          onClick={() => go(() => ui.setView('expiring'))}
          title="Expiring"
        >
          <SidebarIcon name="expiring" />
          <span className="rail-hide">Expiring</span>
          {expiringTotal > 0 && <span className="count-badge">{expiringTotal}</span>}
        </button>
        {(['hygiene', 'activity'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'view-item current' : 'view-item'}
            aria-current={view === v ? 'page' : undefined}
            onClick={() => ui.setView(v)}
          >
            {v === 'hygiene' ? 'Clean up' : 'Activity'}
          </button>
        ))}
        <button
          type="button"
          className={view === 'settings' ? 'view-item current' : 'view-item'}
          aria-current={view === 'settings' ? 'page' : undefined}
          onClick={() => go(() => ui.setView('settings'))}
          title="Settings"
        >
          <SidebarIcon name="settings" />
          <span className="rail-hide">Settings</span>
        </button>
        <button
          type="button"
          className="view-item"
          onClick={() => go(() => ui.open({ kind: 'help' }))}
          title="Keyboard shortcuts (?)"
        >
          <SidebarIcon name="help" />
          <span className="rail-hide">Keyboard shortcuts</span> <kbd className="rail-hide">?</kbd>
        </button>
      </div>
    </nav>
  );
}
