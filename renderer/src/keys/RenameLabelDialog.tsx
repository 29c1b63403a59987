import { useId, useMemo, useState } from 'react';
import { useStore } from '../ui/use-store';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { allLabels } from './key-query';

/** Why `to` cannot be the new name of `from`, or null when it can (mirrors the contract's rule). */
export function renameLabelProblem(from: string, to: string): string | null {
  const name = to.trim();
  if (!name) return 'Type the new name.';
  if (name.length > 64) return 'A label has at most 64 characters.';
  if (/[,\n\r\t]/.test(name)) return 'Labels cannot contain commas, tabs or line breaks.';
  if (name === from) return 'The new name is the same as the old one.';
  return null;
}

/**
 * Renames a label on every key that has it: on the active server, or on every server. A key that
 * already has the new label keeps it once.
 */
export function RenameLabelDialog({ from: initial }: { from: string | null }) {
  const { keys, servers, ui } = useStores();
  const list = useStore(keys.store, (s) => s.keys);
  const serverCount = useStore(servers.store, (s) => s.servers.length);
  const labels = useMemo(() => allLabels(list), [list]);
  const [from, setFrom] = useState(
    initial && labels.includes(initial) ? initial : (labels[0] ?? ''),
  );
  const [to, setTo] = useState('');
  const toId = useId();
  const [everyServer, setEveryServer] = useState(false);
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useSubmit();
  const problem = renameLabelProblem(from, to);
  const using = list.filter((k) => k.labels.includes(from)).length;
  const merges = labels.includes(to.trim()) && to.trim() !== from;

  async function save() {
    setTouched(true);
    if (problem || !from) return;
    await run(async () => {
      const renamed = await keys.renameLabel(from, to.trim(), everyServer);
      ui.close();
      ui.toast(
        `Renamed "${from}" to "${to.trim()}" on ${renamed} ${renamed === 1 ? 'key' : 'keys'}.`,
        'success',
      );
    });
  }

  return (
    <FormDialog
      title="Rename label"
      testId="rename-label-dialog"
      formId="rename-label-form"
      submitLabel="Rename"
      busy={busy}
      canSubmit={Boolean(from)}
      onSubmit={save}
      error={error}
    >
      <Field
        label="Label"
        hint={
          <>
            {using} {using === 1 ? 'key' : 'keys'} on this server
          </>
        }
      >
        <select value={from} onChange={(e) => setFrom(e.target.value)} data-autofocus>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label htmlFor={toId}>New name</label>
        <input
          id={toId}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          onBlur={() => setTouched(true)}
          maxLength={64}
          aria-invalid={touched && problem !== null}
          aria-describedby={`${toId}-problem`}
        />
        <span id={`${toId}-problem`} className="field-error">
          {touched ? problem : null}
        </span>
        {merges && (
          <span className="hint">
            &quot;{to.trim()}&quot; already exists; keys with both labels keep it once.
          </span>
        )}
      </div>
      {serverCount > 1 && (
        <label className="check">
          <input
            type="checkbox"
            checked={everyServer}
            onChange={(e) => setEveryServer(e.target.checked)}
          />
          Rename it on every server, not only this one
        </label>
      )}
    </FormDialog>
  );
}
