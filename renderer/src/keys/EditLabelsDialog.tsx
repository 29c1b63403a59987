import { useMemo, useState } from 'react';
import { useStore } from '../ui/use-store';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { allLabels } from './key-query';
import { parseLabels } from './labels-input';
import { keyName } from './key-name';
import './key-dialogs.css';

/** Edit a key's local labels, with the server's other labels as suggestions. */
export function EditLabelsDialog({ keyId }: { keyId: string }) {
  const { keys, ui } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const list = useStore(keys.store, (s) => s.keys);
  const known = useMemo(() => allLabels(list), [list]);
  const [text, setText] = useState((key?.labels ?? []).join(', '));
  const { busy, error, run } = useSubmit();
  const current = parseLabels(text);
  const suggestions = known.filter((l) => !current.includes(l)).slice(0, 12);

  const save = () =>
    run(async () => {
      await keys.setLabels(keyId, current);
      ui.close();
      ui.toast('Labels saved.', 'success');
    });

  return (
    <FormDialog
      title={`Labels of ${key ? keyName(key) : keyId}`}
      testId="labels-dialog"
      formId="labels-form"
      submitLabel="Save labels"
      busy={busy}
      onSubmit={save}
      error={error}
    >
      <Field label="Labels" hint="comma-separated; kept on this computer only">
        <input value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
      </Field>
      {suggestions.length > 0 && (
        <div className="suggestions" aria-label="Labels used on this server" role="group">
          {suggestions.map((l) => (
            <button
              key={l}
              type="button"
              className="label-chip label-chip-button"
              onClick={() => setText([...current, l].join(', '))}
            >
              + {l}
            </button>
          ))}
        </div>
      )}
    </FormDialog>
  );
}
