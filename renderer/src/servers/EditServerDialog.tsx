import { useState } from 'react';
import { useStore } from 'zustand';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { TimeoutField } from './TimeoutField';

/** Rename a server, change its timeout, replace or clear its CA, or forget a pinned certificate. */
export function EditServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [name, setName] = useState(server?.name ?? '');
  const [timeoutS, setTimeoutS] = useState(String((server?.timeoutMs ?? 15_000) / 1000));
  const [caPem, setCaPem] = useState('');
  const [clearCa, setClearCa] = useState(false);
  const [clearPin, setClearPin] = useState(false);
  const { busy, error, run } = useSubmit();
  if (!server) return null;

  const save = () =>
    run(async () => {
      await servers.update({
        id: serverId,
        name: name.trim(),
        timeoutMs: Math.round(Number(timeoutS) * 1000),
        ...(caPem.trim() ? { caPem: caPem.trim() } : clearCa ? { caPem: null } : {}),
        ...(clearPin ? { fingerprint256: null } : {}),
      });
      ui.close();
      ui.toast('Server saved.', 'success');
    });

  return (
    <FormDialog
      title={`Edit ${server.name}`}
      testId="edit-server-dialog"
      formId="edit-server-form"
      submitLabel="Save"
      busy={busy}
      canSubmit={Boolean(name.trim())}
      onSubmit={save}
      error={error}
      footerStart={
        <button
          type="button"
          className="button button-danger-ghost push-left"
          onClick={() => ui.open({ kind: 'removeServer', serverId })}
        >
          Remove server…
        </button>
      }
    >
      <p className="muted mono">{server.origin}</p>
      <Field label="Name">
        <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
      </Field>
      <TimeoutField value={timeoutS} onChange={setTimeoutS} />
      <Field label="Replace CA certificate" hint="PEM; leave empty to keep">
        <textarea
          rows={3}
          className="mono"
          value={caPem}
          onChange={(e) => setCaPem(e.target.value)}
        />
      </Field>
      {server.hasCustomCa && (
        <label className="check">
          <input type="checkbox" checked={clearCa} onChange={(e) => setClearCa(e.target.checked)} />
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
    </FormDialog>
  );
}
