import { useCallback, useRef, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Server } from '../../../electron/contract/servers';
import { formatDateTime } from '../format/time';
import { healthLabels } from '../servers/health';
import { Ago } from '../ui/Countdown';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { defaultQuery } from './key-query';
import { rowDomId } from './KeyRow';
import { KeysTable } from './KeysTable';
import { KeysToolbar } from './KeysToolbar';
import { RowMenu, type RowMenuAction } from './RowMenu';
import { useKeyActions } from './use-key-actions';
import './keys.css';

/**
 * Gives focus back to the menu button of `keyId`'s row (rows are reused by slot, so the element
 * that opened the menu may now show another key), or to the table when the row is gone.
 */
function focusMenuTrigger(keyId: string | null): void {
  const row = keyId ? document.getElementById(rowDomId(keyId)) : null;
  const button = row?.querySelector<HTMLElement>('[aria-haspopup="menu"]');
  if (button) button.focus();
  else document.querySelector<HTMLElement>('[data-testid="keys-table"]')?.focus();
}

/** Loading placeholder rows shaped like the table. */
function Skeleton() {
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading keys" role="status">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton-row" />
      ))}
    </div>
  );
}

/** Refreshed-at line, or the offline/cached indicator when the list comes from the cache. */
function Freshness({ server }: { server: Server }) {
  const { keys } = useStores();
  const stale = useStore(keys.store, (s) => s.stale);
  const refreshedAt = useStore(keys.store, (s) => s.refreshedAt ?? server.lastRefreshedAt);
  const refreshing = useStore(keys.store, (s) => s.refreshing);
  const refreshError = useStore(keys.store, (s) => s.refreshError);
  const offline = stale || server.health === 'unreachable';
  return (
    <span
      className={offline ? 'freshness offline' : 'freshness'}
      data-testid="freshness"
      data-offline={offline}
    >
      {refreshing ? (
        'Refreshing…'
      ) : offline ? (
        <>
          <span className="offline-dot" aria-hidden="true" />
          Offline — showing the cached list, last refreshed <Ago at={refreshedAt} />
        </>
      ) : (
        <>
          Refreshed <Ago at={refreshedAt} />
        </>
      )}
      {refreshError && !refreshing && <span className="visually-hidden">: {refreshError}</span>}
    </span>
  );
}

/** The active server's keys: header, toolbar, table (or its loading, empty and error states). */
export function KeysView({
  server,
  searchRef,
}: {
  server: Server;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { keys, ui, servers, tick, activity } = useStores();
  const status = useStore(keys.store, (s) => s.status);
  const error = useStore(keys.store, (s) => s.error);
  const total = useStore(keys.store, (s) => s.keys.length);
  // Keys of a long list still on their way (the first screen is shown before the rest).
  const coming = useStore(keys.store, (s) => s.total - s.keys.length);
  const shown = useStore(keys.store, (s) => keys.selectVisible(s).length);
  const list = useStore(keys.store, (s) => s.keys);
  const actions = useKeyActions();
  const [menu, setMenu] = useState<{ keyId: string; top: number; right: number } | null>(null);
  /** The key whose menu is open: focus returns to its row's menu button, wherever it now is. */
  const menuTrigger = useRef<string | null>(null);

  const onCopy = useCallback((keyId: string) => void actions.copy(keyId), [actions]);
  const onStore = useCallback(
    (keyId: string) => ui.open({ kind: 'importKey', serverId: server.id, accessKey: keyId }),
    [ui, server.id],
  );
  const onMenu = useCallback((keyId: string, anchor: HTMLElement) => {
    const rect = anchor.getBoundingClientRect();
    menuTrigger.current = keyId;
    setMenu({ keyId, top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) });
  }, []);
  const onDelete = useCallback(
    (keyIds: string[]) => ui.open({ kind: 'deleteKeys', serverId: server.id, keyIds }),
    [ui, server.id],
  );
  const closeMenu = useCallback(() => {
    setMenu(null);
    focusMenuTrigger(menuTrigger.current);
  }, []);

  function onAction(keyId: string, action: RowMenuAction) {
    setMenu(null);
    const ref = { serverId: server.id, keyId };
    switch (action.kind) {
      case 'copy':
        void actions.copy(keyId, action.format);
        focusMenuTrigger(menuTrigger.current);
        return;
      case 'labels':
        return ui.open({ kind: 'editLabels', ...ref });
      case 'renew':
        return ui.open({ kind: 'renewKey', ...ref });
      case 'shorten':
        return ui.open({ kind: 'shortenExpiry', ...ref });
      case 'enable':
        void actions.setEnabled(keyId, action.enabled);
        focusMenuTrigger(menuTrigger.current);
        return;
      case 'snooze':
        void actions.snooze(keyId, action.until);
        focusMenuTrigger(menuTrigger.current);
        return;
      case 'default':
        void actions.setDefault(keyId, action.isDefault);
        focusMenuTrigger(menuTrigger.current);
        return;
      case 'kubectl':
        return ui.open({ kind: 'kubectl', ...ref });
      case 'whereUsed':
        return ui.open({ kind: 'whereUsed', ...ref });
      case 'history':
        activity.setFilter(ref);
        return ui.setView('activity');
      case 'delete':
        return ui.open({ kind: 'deleteKeys', serverId: server.id, keyIds: [keyId] });
    }
  }

  const signedIn = server.signIn.state === 'signed_in';
  const menuKey = menu ? list.find((k) => k.id === menu.keyId) : undefined;

  return (
    <section className="view keys-view" aria-labelledby="server-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="server-title" title={server.name}>
            {server.name}
          </h1>
          <span className="muted mono" title={server.origin}>
            {server.origin}
          </span>
          <span className={`health-pill health-${server.health}`} data-testid="health-pill">
            {healthLabels[server.health]}
            {server.signIn.state === 'signed_in' && server.signIn.expiresAt
              ? ` · session ends ${formatDateTime(server.signIn.expiresAt)}`
              : ''}
          </span>
          {server.signIn.user && <span className="muted">as {server.signIn.user.username}</span>}
          {signedIn && server.signIn.obtained && (
            <span className="muted" data-testid="sign-in-obtained">
              {server.signIn.obtained === 'kubeconfig'
                ? 'with the kubeconfig token single sign-on gave'
                : 'with the Rancher session single sign-on gave'}{' '}
              (Rancher did not allow a key of its own)
            </span>
          )}
        </div>
        <div className="view-actions">
          <Freshness server={server} />
          <button
            type="button"
            className="button"
            onClick={() => void keys.refresh()}
            title="Refresh (R)"
            data-testid="refresh"
          >
            Refresh
          </button>
          <button
            type="button"
            className="button"
            onClick={() => ui.open({ kind: 'editServer', serverId: server.id })}
          >
            Edit server
          </button>
          {signedIn ? (
            <button
              type="button"
              className="button"
              onClick={() => void servers.signOut(server.id).catch(() => undefined)}
            >
              Sign out
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => ui.open({ kind: 'importKey', serverId: server.id })}
            disabled={!signedIn}
          >
            Import key
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => ui.open({ kind: 'createKey', serverId: server.id })}
            disabled={!signedIn}
            title="New key (N)"
            data-testid="new-key"
          >
            New key
          </button>
        </div>
      </header>

      {!signedIn && (
        <div className="notice notice-warning" role="status" data-testid="sign-in-needed">
          <div className="notice-text">
            <strong>
              {server.signIn.state === 'expired' ? 'Your sign-in has expired' : 'Not signed in'}
            </strong>
            <span>Sign in to list, create and renew keys on this server.</span>
          </div>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => ui.open({ kind: 'signIn', serverId: server.id })}
            >
              Sign in
            </button>
          </div>
        </div>
      )}
      {server.lastError && signedIn && (
        <ErrorNotice
          error={server.lastError}
          serverId={server.id}
          onRetry={() => void keys.refresh()}
        />
      )}

      <KeysToolbar
        searchRef={searchRef}
        onDelete={onDelete}
        onDeleteExpired={onDelete}
        onRenameLabel={(from) => ui.open({ kind: 'renameLabel', serverId: server.id, from })}
        onCopy={(keyId) => {
          const key = list.find((k) => k.id === keyId);
          if (key?.hasSecret === false) onStore(keyId);
          else onCopy(keyId);
        }}
      />

      {status === 'loading' || status === 'idle' ? (
        <Skeleton />
      ) : status === 'error' && error ? (
        <ErrorNotice error={error} serverId={server.id} onRetry={() => void keys.load(server.id)} />
      ) : total === 0 ? (
        <div className="empty" data-testid="empty-keys">
          <h2>No keys on this server yet</h2>
          <p>
            Create a key here and its secret goes straight into your OS keychain, or import one you
            already have.
          </p>
          <div className="empty-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={!signedIn}
              onClick={() => ui.open({ kind: 'createKey', serverId: server.id })}
            >
              Create a key
            </button>
            <button
              type="button"
              className="button"
              disabled={!signedIn}
              onClick={() => ui.open({ kind: 'importKey', serverId: server.id })}
            >
              Import a key
            </button>
          </div>
        </div>
      ) : shown === 0 ? (
        <div className="empty" data-testid="no-match">
          <h2>No keys match</h2>
          <p>Nothing matches the search and filters.</p>
          <button
            type="button"
            className="button"
            onClick={() =>
              keys.setQuery({ ...defaultQuery, sort: keys.store.getState().query.sort })
            }
          >
            Clear search and filters
          </button>
        </div>
      ) : (
        <KeysTable
          serverName={server.name}
          onCopy={onCopy}
          onStore={onStore}
          onMenu={onMenu}
          onDelete={onDelete}
        />
      )}
      <p className="table-footer muted" aria-live="polite">
        {status === 'ready' && total > 0
          ? `${shown} of ${total} keys${coming > 0 ? `, ${coming} more loading…` : ''}`
          : ''}
      </p>

      {menu && menuKey && (
        <RowMenu
          keyView={menuKey}
          anchor={menu}
          now={tick.now()}
          onClose={closeMenu}
          onAction={(a) => onAction(menu.keyId, a)}
        />
      )}
    </section>
  );
}
