import { useId, useState } from 'react';
import { useStore } from '../ui/use-store';
import { useStores } from '../ui/stores-context';

/** The log's retention settings (size and age), edited where the log is shown. */
export function RetentionForm() {
  const { settings, ui } = useStores();
  const maxMb = useStore(settings.store, (s) => s.settings.activityMaxMb);
  const maxDays = useStore(settings.store, (s) => s.settings.activityMaxAgeDays);
  // What the user is typing; null shows the saved settings.
  const [typed, setTyped] = useState<{ mb: string; days: string } | null>(null);
  const values = typed ?? { mb: String(maxMb), days: String(maxDays) };
  const mbId = useId();
  const daysId = useId();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const mb = Number.parseInt(values.mb, 10);
    const days = Number.parseInt(values.days, 10);
    try {
      await settings.set({ activityMaxMb: mb, activityMaxAgeDays: days });
      setTyped(null);
      ui.toast('Retention saved.', 'success');
    } catch {
      ui.toast('Keep between 1 and 500 MB and between 1 and 3650 days.', 'error');
    }
  }

  return (
    <form className="activity-retention" onSubmit={(e) => void save(e)}>
      <label htmlFor={mbId}>Keep up to</label>
      <input
        id={mbId}
        type="number"
        min={1}
        max={500}
        value={values.mb}
        onChange={(e) => setTyped({ ...values, mb: e.target.value })}
      />
      <span>MB and</span>
      <label htmlFor={daysId} className="visually-hidden">
        Keep entries for this many days
      </label>
      <input
        id={daysId}
        type="number"
        min={1}
        max={3650}
        value={values.days}
        onChange={(e) => setTyped({ ...values, days: e.target.value })}
      />
      <span>days</span>
      <button type="submit" className="button button-small">
        Save
      </button>
    </form>
  );
}
