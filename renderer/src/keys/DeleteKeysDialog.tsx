import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import type { Output } from '../../../electron/contract/ipc';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/** Delete one or many keys: says what breaks, then reports any key that could not go. */
export function DeleteKeysDialog({ keyIds }: { keyIds: string[] }) {
  const { keys, ui } = useStores();
  const first = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyIds[0]) ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [failed, setFailed] = useState<Output<'keys:delete'>['results']>([]);
  const many = keyIds.length > 1;
  const name = first?.description || keyIds[0];

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const { results } = await keys.remove(keyIds);
      const bad = results.filter((r) => r.outcome === 'failed');
      const pending = results.filter((r) => r.outcome === 'pending_revocation').length;
      if (bad.length) {
        setFailed(bad);
        return;
      }
      ui.close();
      ui.toast(
        pending
          ? `Deleted locally; ${pending} will be revoked when the server is reachable.`
          : many
            ? `Deleted ${results.length} keys.`
            : 'Key deleted.',
        pending ? 'warning' : 'success',
      );
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={many ? `Delete ${keyIds.length} keys?` : `Delete ${name}?`}
      onClose={() => ui.close()}
      testId="delete-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy || failed.length > 0}
            onClick={() => void remove()}
            data-testid="confirm-delete"
          >
            {busy ? 'Deleting…' : many ? `Delete ${keyIds.length} keys` : 'Delete key'}
          </button>
        </>
      }
    >
      <p>
        {many ? 'These keys are' : 'The key is'} revoked on the server and removed from your
        keychain. <strong>Anything using {many ? 'these keys' : 'this key'} loses access.</strong>
      </p>
      {failed.length > 0 && (
        <div className="notice notice-error" role="alert">
          <div className="notice-text">
            <strong>Some keys could not be deleted</strong>
            <ul>
              {failed.map((r) => (
                <li key={r.keyId}>
                  <span className="mono">{r.keyId}</span>: {r.message ?? 'failed'}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} compact />}
    </Dialog>
  );
}
