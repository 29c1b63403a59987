import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppError } from '../../../electron/contract/errors';
import { durationUnits, formatDateTime, unitMs, type DurationUnit } from '../format/time';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/** ext tokens only: make the key expire sooner (Rancher allows shortening, never extending). */
export function ShortenExpiryDialog({ keyId }: { keyId: string }) {
  const { keys, ui, tick } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const [value, setValue] = useState('1');
  const [unit, setUnit] = useState<DurationUnit>('days');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function save() {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return;
    const at = tick.now() + Math.round(n * unitMs(unit));
    if (key?.expiresAt && at >= Date.parse(key.expiresAt)) {
      setError({
        code: 'invalid_input',
        message: 'The new expiry must be earlier than the current one.',
      });
      return;
    }
    setBusy(true);
    try {
      await keys.update({ keyId, expiresAt: new Date(at).toISOString() });
      ui.close();
      ui.toast('Expiry shortened.', 'success');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Shorten expiry"
      onClose={() => ui.close()}
      testId="shorten-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => ui.close()}>
            Cancel
          </button>
          <button
            type="submit"
            form="shorten-form"
            className="button button-primary"
            disabled={busy}
          >
            Shorten
          </button>
        </>
      }
    >
      <form
        id="shorten-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>
          Currently expires:{' '}
          <strong>{key?.expiresAt ? formatDateTime(key.expiresAt) : 'never'}</strong>
        </p>
        <div className="custom-expiry">
          <span>Expire in</span>
          <input
            type="number"
            min={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label="Expire in"
            data-autofocus
          />
          <select
            value={unit}
            onChange={(e) => setUnit(e.target.value as DurationUnit)}
            aria-label="Unit"
          >
            {durationUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
        {error && <ErrorNotice error={error} compact />}
      </form>
    </Dialog>
  );
}
