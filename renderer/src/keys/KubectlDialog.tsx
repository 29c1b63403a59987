import { useEffect, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Cluster } from '../../../electron/contract/servers';
import type { Output } from '../../../electron/contract/ipc';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import './key-dialogs.css';

/**
 * "Use with kubectl…": pick a cluster; Rancher Keys merges a context into ~/.kube/config whose
 * credential is `rancher-keys kubectl-credential` (no token in the file), and shows the command
 * that does the same from a terminal.
 */
export function KubectlDialog({ serverId, keyId }: { serverId: string; keyId: string }) {
  const { api, keys, ui } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const [clusters, setClusters] = useState<Cluster[] | null>(null);
  const [clusterId, setClusterId] = useState('');
  const [use, setUse] = useState(true);
  const [preview, setPreview] = useState<Output<'kubectl:kubeconfig'> | null>(null);
  const { busy, error, setError, run } = useSubmit();

  useEffect(() => {
    let live = true;
    api.call('servers:clusters', { serverId }).then(
      ({ clusters: list }) => {
        if (!live) return;
        const usable = key?.clusterId ? list.filter((c) => c.id === key.clusterId) : list;
        setClusters(usable);
        setClusterId(usable[0]?.id ?? '');
      },
      (e: unknown) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, serverId, key?.clusterId, setError]);

  useEffect(() => {
    let live = true;
    if (!clusterId) return;
    api.call('kubectl:kubeconfig', { serverId, keyId, clusterId, merge: false, use }).then(
      (out) => live && setPreview(out),
      (e: unknown) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, serverId, keyId, clusterId, use, setError]);

  async function merge() {
    if (!clusterId) return;
    await run(async () => {
      const out = await api.call('kubectl:kubeconfig', {
        serverId,
        keyId,
        clusterId,
        merge: true,
        use,
      });
      ui.close();
      ui.toast(
        `Context "${out.context}" is in ${out.merged?.file ?? 'your kubeconfig'}${out.merged?.backup ? ' (the previous file was backed up beside it)' : ''}. Try: kubectl${use ? '' : ` --context ${out.context}`} get namespaces`,
        'success',
      );
    });
  }

  return (
    <FormDialog
      title={`Use ${keyId} with kubectl`}
      testId="kubectl-dialog"
      formId="kubectl-form"
      submitLabel="Add to kubeconfig"
      busy={busy || !clusterId}
      onSubmit={merge}
      error={error}
    >
      <p>
        kubectl gets this key from your keychain each time it runs: no token is written to the
        kubeconfig, and renewing the key keeps it working.
      </p>
      <Field label="Cluster">
        <select
          value={clusterId}
          onChange={(e) => setClusterId(e.target.value)}
          disabled={!clusters?.length}
          data-autofocus
        >
          {clusters === null && <option value="">Loading clusters…</option>}
          {clusters?.length === 0 && <option value="">No cluster this key can reach</option>}
          {clusters?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.id})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Make it kubectl's current context" inline>
        <input type="checkbox" checked={use} onChange={(e) => setUse(e.target.checked)} />
      </Field>
      {preview && (
        <Field label="From a terminal" hint="(the same, with rancher-keys)">
          <input
            className="mono"
            readOnly
            value={preview.command}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="kubectl-command"
          />
        </Field>
      )}
    </FormDialog>
  );
}
