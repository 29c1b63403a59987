import { useMemo, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Output } from '../../../electron/contract/ipc';
import { UsedPlaceList, useWhereUsed } from '../plaintext/UsedPlaces';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { keyName } from './key-name';
import './key-dialogs.css';

/** Delete one or many keys: says what breaks, then reports any key that could not go. */
export function DeleteKeysDialog({ serverId, keyIds }: { serverId: string; keyIds: string[] }) {
  const { api, keys, ui } = useStores();
  const used = useWhereUsed(api, serverId, keyIds);
  const list = useStore(keys.store, (s) => s.keys);
  const named = useMemo(() => {
    const byId = new Map(list.map((k) => [k.id, k]));
    return keyIds.map((id) => byId.get(id) ?? null);
  }, [list, keyIds]);
  const first = named[0] ?? null;
  const [failed, setFailed] = useState<Output<'keys:delete'>['results']>([]);
  const { busy, error, run } = useSubmit();
  const many = keyIds.length > 1;
  const name = first ? keyName(first) : keyIds[0];

  const remove = () =>
    run(async () => {
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
    });

  return (
    <FormDialog
      title={many ? `Delete ${keyIds.length} keys?` : `Delete ${name}?`}
      testId="delete-dialog"
      submitLabel={many ? `Delete ${keyIds.length} keys` : 'Delete key'}
      busyLabel="Deleting…"
      busy={busy}
      canSubmit={failed.length === 0}
      onSubmit={remove}
      error={error}
      autoFocusCancel
      danger
      submitTestId="confirm-delete"
    >
      <p>
        {many ? 'These keys are' : 'The key is'} revoked on the server and removed from your
        keychain. <strong>Anything using {many ? 'these keys' : 'this key'} loses access.</strong>
      </p>
      {many && (
        <ul
          className="delete-list"
          aria-label="Keys to delete"
          tabIndex={0}
          data-testid="delete-list"
        >
          {keyIds.map((id, i) => {
            const key = named[i];
            return (
              <li key={id}>
                <span className="mono">{id}</span>
                {key?.description ? (
                  <span className="muted" title={key.description}>
                    {' '}
                    — {keyName(key)}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {used && used.places.length > 0 && (
        <div className="notice notice-warning" data-testid="delete-used-places">
          <div className="notice-text">
            <strong>These places stop working:</strong>
            <UsedPlaceList places={used.places} label="Places that stop working" showKey={many} />
          </div>
        </div>
      )}
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
    </FormDialog>
  );
}
