import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import type { Output } from '../../../electron/contract/ipc';
import { formatDateTime, time } from '../format/time';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { CopyButtons } from './CopyButtons';

const graces = [
  { ms: 0, label: 'Revoke the old key now' },
  { ms: time.HOUR, label: 'Keep the old key for 1 hour' },
  { ms: time.DAY, label: 'Keep the old key for 1 day' },
  { ms: 7 * time.DAY, label: 'Keep the old key for 7 days' },
];

/** Renew: a new key with the same description, scope and lifetime; the old one is revoked. */
export function RenewKeyDialog({ serverId, keyId }: { serverId: string; keyId: string }) {
  const { keys, ui, servers } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const origin = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId)?.origin);
  const [grace, setGrace] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<Output<'keys:renew'> | null>(null);

  async function renew() {
    setBusy(true);
    setError(null);
    try {
      setDone(await keys.renew(keyId, grace));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Dialog
        title="Key renewed"
        onClose={() => ui.close()}
        testId="renewed-dialog"
        wide
        footer={
          <button type="button" className="button button-primary" onClick={() => ui.close()}>
            Done
          </button>
        }
      >
        <p className="notice notice-success" data-testid="stored-in-keychain">
          The new key <span className="mono">{done.key.id}</span> is stored in your OS keychain.{' '}
          {done.oldRevokeAt
            ? `The old key ${done.oldKeyId} stays valid until ${formatDateTime(done.oldRevokeAt)}.`
            : `The old key ${done.oldKeyId} is revoked.`}
        </p>
        {done.clamped && (
          <p className="notice notice-warning" data-testid="clamped-warning">
            The server shortened the new key&apos;s lifetime to its maximum.
          </p>
        )}
        <CopyButtons
          keyId={done.key.id}
          endpoint={`${origin ?? ''}/v3`}
          preview={done.key.preview}
        />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Renew ${key?.description || keyId}?`}
      onClose={() => ui.close()}
      testId="renew-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void renew()}
            data-testid="confirm-renew"
          >
            {busy ? 'Renewing…' : 'Renew key'}
          </button>
        </>
      }
    >
      <p>
        Rancher Keys creates a new key with the same description, scope and lifetime and stores it
        in your keychain. Anything still using the old key loses access once it is revoked.
      </p>
      <fieldset className="field">
        <legend>Old key</legend>
        {graces.map((g) => (
          <label key={g.ms} className="preset">
            <input
              type="radio"
              name="grace"
              checked={grace === g.ms}
              onChange={() => setGrace(g.ms)}
              data-autofocus={g.ms === 0 ? true : undefined}
            />
            {g.label}
          </label>
        ))}
      </fieldset>
      {error && <ErrorNotice error={error} serverId={serverId} compact />}
    </Dialog>
  );
}
