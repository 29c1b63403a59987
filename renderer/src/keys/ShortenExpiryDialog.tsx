import { useState } from 'react';
import { useStore } from '../ui/use-store';
import { formatDateTime, unitMs, type DurationUnit } from '../format/time';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { DurationUnitSelect } from './DurationUnitSelect';
import './key-dialogs.css';

/** ext tokens only: make the key expire sooner (Rancher allows shortening, never extending). */
export function ShortenExpiryDialog({ keyId }: { keyId: string }) {
  const { keys, ui, tick } = useStores();
  const key = useStore(keys.store, (s) => s.keys.find((k) => k.id === keyId) ?? null);
  const [value, setValue] = useState('1');
  const [unit, setUnit] = useState<DurationUnit>('days');
  const { busy, error, setError, run } = useSubmit();

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
    await run(async () => {
      await keys.update({ keyId, expiresAt: new Date(at).toISOString() });
      ui.close();
      ui.toast('Expiry shortened.', 'success');
    });
  }

  return (
    <FormDialog
      title="Shorten expiry"
      testId="shorten-dialog"
      formId="shorten-form"
      submitLabel="Shorten"
      busy={busy}
      onSubmit={save}
      error={error}
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
        <DurationUnitSelect value={unit} onChange={setUnit} label="Unit" />
      </div>
    </FormDialog>
  );
}
