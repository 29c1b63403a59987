import { useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Output } from '../../../electron/contract/ipc';
import { formatDateTime, time } from '../format/time';
import { UsedPlaceList, useWhereUsed } from '../plaintext/UsedPlaces';
import { UpdatedPlaces } from './UpdatedPlaces';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { CopyButtons } from './CopyButtons';
import { KeyIssuedDialog } from './KeyIssuedDialog';
import { keyName } from './key-name';
import './key-dialogs.css';

const graces = [
  { ms: 0, label: 'Revoke the old key now' },
  { ms: time.HOUR, label: 'Keep the old key for 1 hour' },
  { ms: time.DAY, label: 'Keep the old key for 1 day' },
  { ms: 7 * time.DAY, label: 'Keep the old key for 7 days' },
];

/** Renewal overlaps by default: whatever uses the old key needs time to take the new one. */
const DEFAULT_GRACE_MS = time.DAY;

/** Renew: a new key with the same description, scope and lifetime; the old one is revoked. */
export function RenewKeyDialog({ serverId, keyId }: { serverId: string; keyId: string }) {
  const { api, keys, servers } = useStores();
  const used = useWhereUsed(api, serverId, [keyId]);
  const found = used?.places.filter((p) => p.how === 'found') ?? [];
  const written = used?.places.filter((p) => p.how === 'written') ?? [];
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const origin = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId)?.origin);
  const [grace, setGrace] = useState(DEFAULT_GRACE_MS);
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<Output<'keys:renew'> | null>(null);
  const kubeconfigs = found.filter((p) => p.fileKind === 'kubeconfig');
  const [update, setUpdate] = useState(false);
  const [updated, setUpdated] = useState<Output<'plaintext:updatePlaces'> | null>(null);

  const renew = () =>
    run(async () => {
      // Before the renewal, while the old secret is still held to recognise its places: the
      // rewritten users name the key's handle, which moves to the new key.
      if (update && kubeconfigs.length > 0) {
        setUpdated(await api.call('plaintext:updatePlaces', { serverId, keyId }));
      }
      setDone(await keys.renew(keyId, grace));
    });

  if (done) {
    return (
      <KeyIssuedDialog title="Key renewed" testId="renewed-dialog">
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
        {updated && <UpdatedPlaces result={updated} />}
        <CopyButtons
          keyId={done.key.id}
          endpoint={`${origin ?? ''}/v3`}
          preview={done.key.preview}
        />
      </KeyIssuedDialog>
    );
  }

  return (
    <FormDialog
      title={`Renew ${key ? keyName(key) : keyId}?`}
      testId="renew-dialog"
      submitLabel="Renew key"
      busyLabel="Renewing…"
      busy={busy}
      onSubmit={renew}
      error={error}
      errorServerId={serverId}
      submitTestId="confirm-renew"
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
              data-autofocus={g.ms === DEFAULT_GRACE_MS ? true : undefined}
            />
            {g.label}
          </label>
        ))}
      </fieldset>
      {found.length > 0 && (
        <div className="notice notice-warning" data-testid="renew-used-places">
          <div className="notice-text">
            <strong>
              These files hold the old key in plaintext and stop working once it is revoked:
            </strong>
            <UsedPlaceList places={found} label="Files holding the old key" />
            <span>
              Rancher Keys does not change them unless you ask. Rewritten, they get the key from
              Rancher Keys, following every renewal.
            </span>
          </div>
        </div>
      )}
      {kubeconfigs.length > 0 && (
        <label className="check" data-testid="renew-update-places">
          <input type="checkbox" checked={update} onChange={(e) => setUpdate(e.target.checked)} />
          <span>
            Also rewrite the kubeconfig users holding the old key so kubectl runs rancher-keys for
            this key and follows the new one. Each file is backed up beside it (readable only by
            you) first, and you can undo each file afterwards.
          </span>
        </label>
      )}
      {written.length > 0 && (
        <p className="hint" data-testid="renew-written-places">
          {written.length === 1 ? 'The kubeconfig' : `The ${written.length} kubeconfigs`} Rancher
          Keys wrote for this key follow the new key by themselves.
        </p>
      )}
    </FormDialog>
  );
}
