import { useState } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { parseLabels } from './labels-input';

/** Import a key the user already has: paste its bearer token; main verifies and stores it. */
export function ImportKeyDialog({ serverId }: { serverId: string }) {
  const { keys, ui } = useStores();
  const [bearer, setBearer] = useState('');
  const [labels, setLabels] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const key = await keys.importKey({
        serverId,
        bearer: bearer.trim(),
        labels: parseLabels(labels),
      });
      setBearer('');
      ui.close();
      ui.toast(`Imported ${key.id}; its secret is in your keychain.`, 'success');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      title="Import a key"
      onClose={() => ui.close()}
      testId="import-key-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="submit"
            form="import-key-form"
            className="button button-primary"
            disabled={busy || !bearer.trim()}
          >
            Import
          </button>
        </>
      }
    >
      <form
        id="import-key-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>
            Bearer token <span className="hint">token-xxxxx:… or ext/token-xxxxx:…</span>
          </span>
          <input
            type="password"
            className="mono"
            value={bearer}
            onChange={(e) => setBearer(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        </label>
        <label className="field">
          <span>
            Labels <span className="hint">comma-separated</span>
          </span>
          <input value={labels} onChange={(e) => setLabels(e.target.value)} />
        </label>
        {error && <ErrorNotice error={error} serverId={serverId} compact />}
      </form>
    </Dialog>
  );
}
