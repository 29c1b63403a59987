import { useStore } from 'zustand';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';

/** Remove a server from the app (its keys on the server are left alone). */
export function RemoveServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
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
    </FormDialog>
  );
}
