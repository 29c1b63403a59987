import { useEffect } from 'react';
import { useStore } from '../ui/use-store';
import { StateChip } from '../keys/StateChip';
import { copiedToast } from '../keys/copy-formats';
import { focusKeysTable } from '../keys/focus-keys-table';
import { keyName } from '../keys/key-name';
import { Countdown } from '../ui/Countdown';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import './expiry.css';

/** Every near-expiry key on every server, soonest first, with copy, renew and "show". */
export function ExpiringView() {
  const { expiry, servers, keys, ui, api } = useStores();
  const items = useStore(expiry.store, (s) => s.items);
  const status = useStore(expiry.store, (s) => s.status);
  const error = useStore(expiry.store, (s) => s.error);

  useEffect(() => {
    void expiry.loadItems();
  }, [expiry]);

  async function show(serverId: string, keyId: string, focus = true) {
    ui.setView('keys');
    await servers.switchTo(serverId).catch(() => undefined);
    keys.setQuery({ search: '' });
    keys.setCursor(keyId);
    if (focus) focusKeysTable();
  }

  async function copy(serverId: string, keyId: string) {
    try {
      const { clearsInMs } = await api.call('keys:copy', { serverId, keyId, format: 'bearer' });
      const { text, ...options } = copiedToast('bearer', keyId, clearsInMs);
      ui.toast(text, 'success', options);
    } catch (e) {
      ui.toast(toAppError(e).message, 'error');
    }
  }

  async function renew(serverId: string, keyId: string) {
    await show(serverId, keyId, false);
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
              <th scope="col" className="col-expires">
                Expires
              </th>
              <th scope="col" className="col-server">
                Server
              </th>
              <th scope="col">Description</th>
              <th scope="col" className="col-id">
                Access key
              </th>
              <th scope="col" className="col-state">
                State
              </th>
              <th scope="col" className="col-actions">
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
                <td title={serverName}>{serverName}</td>
                <td title={key.description || undefined}>
                  {key.description || <span className="muted">No description</span>}
                </td>
                <td className="mono" title={key.id}>
                  {key.id}
                </td>
                <td>
                  <StateChip keyView={key} />
                </td>
                <td className="actions">
                  <span className="row-actions">
                    {key.hasSecret ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void copy(serverId, key.id)}
                        aria-label={`Copy ${keyName(key)}`}
                      >
                        Copy
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => ui.open({ kind: 'importKey', serverId, accessKey: key.id })}
                        aria-label={`Store secret for ${keyName(key)}…`}
                        title="Rancher Keys holds no secret for this key: paste it to store it in your keychain"
                      >
                        Store secret…
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void renew(serverId, key.id)}
                      aria-label={`Renew ${keyName(key)}`}
                    >
                      Renew
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={() => void show(serverId, key.id)}
                      aria-label={`Show ${keyName(key)}`}
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
