import { useEffect } from 'react';
import { useStore } from 'zustand';
import { StateChip } from '../keys/StateChip';
import { copiedText } from '../keys/copy-formats';
import { Countdown } from '../ui/Countdown';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/** Every near-expiry key on every server, soonest first, with copy, renew and "show". */
export function ExpiringView() {
  const { expiry, servers, keys, ui, api } = useStores();
  const items = useStore(expiry.store, (s) => s.items);
  const status = useStore(expiry.store, (s) => s.status);
  const error = useStore(expiry.store, (s) => s.error);

  useEffect(() => {
    void expiry.loadItems();
  }, [expiry]);

  async function show(serverId: string, keyId: string) {
    ui.setView('keys');
    await servers.switchTo(serverId).catch(() => undefined);
    keys.setQuery({ search: '' });
    keys.setCursor(keyId);
  }

  async function copy(serverId: string, keyId: string) {
    try {
      const { clearsInMs } = await api.call('keys:copy', { serverId, keyId, format: 'bearer' });
      ui.toast(copiedText('bearer', clearsInMs), 'success');
    } catch (e) {
      ui.toast(toAppError(e).message, 'error');
    }
  }

  async function renew(serverId: string, keyId: string) {
    await show(serverId, keyId);
    ui.open({ kind: 'renewKey', serverId, keyId });
  }

  return (
    <section className="view" aria-labelledby="expiring-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="expiring-title">Expiring</h1>
          <span className="muted">Keys on every server that expire soon or have expired</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => void expiry.loadItems()}>
            Refresh
          </button>
        </div>
      </header>
      {status === 'error' && error ? (
        <ErrorNotice error={error} onRetry={() => void expiry.loadItems()} />
      ) : status === 'loading' ? (
        <div className="skeleton" role="status" aria-busy="true" aria-label="Loading">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="skeleton-row" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <div className="empty" data-testid="nothing-expiring">
          <h2>Nothing is about to expire</h2>
          <p>
            Rancher Keys warns you here, in the tray and by notification before any key expires.
          </p>
          <button type="button" className="button" onClick={() => ui.setView('keys')}>
            Back to keys
          </button>
        </div>
      ) : (
        <table className="simple-table" data-testid="expiring-table">
          <thead>
            <tr>
              <th scope="col">Expires</th>
              <th scope="col">Server</th>
              <th scope="col">Key</th>
              <th scope="col">Access key</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ serverId, serverName, key }) => (
              <tr key={`${serverId}/${key.id}`} data-testid="expiring-row">
                <td>
                  <Countdown expiresAt={key.expiresAt} />
                </td>
                <td>{serverName}</td>
                <td>{key.description || <span className="muted">No description</span>}</td>
                <td className="mono">{key.id}</td>
                <td>
                  <StateChip keyView={key} />
                </td>
                <td className="actions">
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={!key.hasSecret}
                      onClick={() => void copy(serverId, key.id)}
                      aria-label={`Copy ${key.description || key.id}`}
                    >
                      Copy
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void renew(serverId, key.id)}
                      aria-label={`Renew ${key.description || key.id}`}
                    >
                      Renew
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={() => void show(serverId, key.id)}
                      aria-label={`Show ${key.description || key.id}`}
                    >
                      Show
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
