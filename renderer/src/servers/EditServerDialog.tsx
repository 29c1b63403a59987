import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/** Rename a server, change its timeout, replace or clear its CA, or forget a pinned certificate. */
export function EditServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [name, setName] = useState(server?.name ?? '');
  const [timeoutS, setTimeoutS] = useState(String((server?.timeoutMs ?? 15_000) / 1000));
  const [caPem, setCaPem] = useState('');
  const [clearCa, setClearCa] = useState(false);
  const [clearPin, setClearPin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!server) return null;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await servers.update({
        id: serverId,
        name: name.trim(),
        timeoutMs: Math.round(Number(timeoutS) * 1000),
        ...(caPem.trim() ? { caPem: caPem.trim() } : clearCa ? { caPem: null } : {}),
        ...(clearPin ? { fingerprint256: null } : {}),
      });
      ui.close();
      ui.toast('Server saved.', 'success');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Edit ${server.name}`}
      onClose={() => ui.close()}
      testId="edit-server-dialog"
      footer={
        <>
          <button
            type="button"
            className="button button-danger-ghost push-left"
            onClick={() => ui.open({ kind: 'removeServer', serverId })}
          >
            Remove server…
          </button>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="submit"
            form="edit-server-form"
            className="button button-primary"
            disabled={busy || !name.trim()}
          >
            Save
          </button>
        </>
      }
    >
      <form
        id="edit-server-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted mono">{server.origin}</p>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
        </label>
        <label className="field field-inline">
          <span>Timeout (seconds)</span>
          <input
            type="number"
            min={1}
            max={120}
            value={timeoutS}
            onChange={(e) => setTimeoutS(e.target.value)}
          />
        </label>
        <label className="field">
          <span>
            Replace CA certificate <span className="hint">PEM; leave empty to keep</span>
          </span>
          <textarea
            rows={3}
            className="mono"
            value={caPem}
            onChange={(e) => setCaPem(e.target.value)}
          />
        </label>
        {server.hasCustomCa && (
          <label className="check">
            <input
              type="checkbox"
              checked={clearCa}
              onChange={(e) => setClearCa(e.target.checked)}
            />
            Remove the custom CA
          </label>
        )}
        {server.fingerprint256 && (
          <label className="check">
            <input
              type="checkbox"
              checked={clearPin}
              onChange={(e) => setClearPin(e.target.checked)}
            />
            Forget the trusted certificate{' '}
            <span className="mono hint">{server.fingerprint256.slice(0, 23)}…</span>
          </label>
        )}
        {error && <ErrorNotice error={error} compact />}
      </form>
    </Dialog>
  );
}
