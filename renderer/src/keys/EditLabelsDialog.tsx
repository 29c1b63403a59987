import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { allLabels } from './key-query';
import { parseLabels } from './labels-input';

/** Edit a key's local labels, with the server's other labels as suggestions. */
export function EditLabelsDialog({ keyId }: { keyId: string }) {
  const { keys, ui } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const list = useStore(keys.store, (s) => s.keys);
  const known = useMemo(() => allLabels(list), [list]);
  const [text, setText] = useState((key?.labels ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const current = parseLabels(text);
  const suggestions = known.filter((l) => !current.includes(l)).slice(0, 12);

  async function save() {
    setBusy(true);
    try {
      await keys.setLabels(keyId, current);
      ui.close();
      ui.toast('Labels saved.', 'success');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      title={`Labels of ${key?.description || keyId}`}
      onClose={() => ui.close()}
      testId="labels-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="submit"
            form="labels-form"
            className="button button-primary"
            disabled={busy}
          >
            Save labels
          </button>
        </>
      }
    >
      <form
        id="labels-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>
            Labels <span className="hint">comma-separated; kept on this computer only</span>
          </span>
          <input value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
        </label>
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
        {error && <ErrorNotice error={error} compact />}
      </form>
    </Dialog>
  );
}
