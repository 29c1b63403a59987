import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/** Remove a server from the app (its keys on the server are left alone). */
export function RemoveServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!server) return null;
  async function remove() {
    setBusy(true);
    try {
      await servers.remove(serverId);
      ui.close();
      ui.toast(`Removed ${server?.name ?? 'server'}.`, 'success');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      title={`Remove ${server.name}?`}
      onClose={() => ui.close()}
      testId="remove-server-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            Remove server
          </button>
        </>
      }
    >
      <p>
        Rancher Keys forgets this server, its sign-in and the secrets it keeps for its keys. The
        keys themselves stay valid on the server; delete them first if nothing needs them.
      </p>
      {error && <ErrorNotice error={error} compact />}
    </Dialog>
  );
}
