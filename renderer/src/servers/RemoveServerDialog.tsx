import { useEffect, useState } from 'react';
import { useStore } from '../ui/use-store';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';

/** How many secrets the app holds for a server's keys; null until known (or if unknown). */
function useStoredSecrets(serverId: string): number | null {
  const { api } = useStores();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api.call('keys:list', { serverId, includeSystem: true }).then(
      ({ keys }) => live && setCount(keys.filter((k) => k.hasSecret).length),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, serverId]);
  return count;
}

/** Remove a server from the app (its keys on the server are left alone). */
export function RemoveServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const secrets = useStoredSecrets(serverId);
  const { busy, error, run } = useSubmit();
  if (!server) return null;
  const remove = () =>
    run(async () => {
      await servers.remove(serverId);
      ui.close();
      ui.toast(`Removed ${server.name}.`, 'success');
    });

  return (
    <FormDialog
      title={`Remove ${server.name}?`}
      testId="remove-server-dialog"
      submitLabel="Remove server"
      busy={busy}
      onSubmit={remove}
      error={error}
      autoFocusCancel
      danger
    >
      <p>
        Rancher Keys forgets this server, its sign-in and the secrets it keeps for its keys. The
        keys themselves stay valid on the server; delete them first if nothing needs them.
      </p>
      {secrets !== null && secrets > 0 && (
        <p className="notice notice-warning" data-testid="secrets-lost">
          <span>
            <strong>
              {secrets === 1
                ? 'The secret of 1 key is deleted from your keychain for good.'
                : `The secrets of ${secrets} keys are deleted from your keychain for good.`}
            </strong>{' '}
            Rancher shows a secret only once: copy any you still need before removing the server.
          </span>
        </p>
      )}
    </FormDialog>
  );
}
