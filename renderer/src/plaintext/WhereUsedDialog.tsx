import { useStore } from '../ui/use-store';
import { keyName } from '../keys/key-name';
import { formatDateTime } from '../format/time';
import { Dialog } from '../ui/Dialog';
import { useStores } from '../ui/stores-context';
import { UsedPlaceList, useWhereUsed } from './UsedPlaces';

/**
 * "Where is this key used?": the places the Plaintext check found the key's secret (files,
 * contexts) and the kubeconfigs Rancher Keys wrote for it.
 */
export function WhereUsedDialog({ serverId, keyId }: { serverId: string; keyId: string }) {
  const { api, keys, ui } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const answer = useWhereUsed(api, serverId, [keyId]);
  const name = key ? keyName(key) : keyId;
  return (
    <Dialog
      title={`Where is ${name} used?`}
      onClose={() => ui.close()}
      testId="where-used-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              ui.close();
              ui.setView('plaintext');
            }}
          >
            Run the Plaintext check
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => ui.close()}
            data-autofocus
          >
            Close
          </button>
        </>
      }
    >
      {answer === null ? (
        <p role="status">Looking…</p>
      ) : (
        <>
          {answer.places.length === 0 ? (
            <p data-testid="where-used-none">No file Rancher Keys knows of uses this key.</p>
          ) : (
            <UsedPlaceList places={answer.places} label={`Places that use ${name}`} />
          )}
          <p className="hint">
            {answer.scannedAt === null
              ? 'Files are searched by the Plaintext check, which has not run since Rancher Keys started.'
              : `Files as of the last Plaintext check, ${formatDateTime(answer.scannedAt)}. Kubeconfigs Rancher Keys wrote follow the key when it is renewed.`}
          </p>
        </>
      )}
    </Dialog>
  );
}
