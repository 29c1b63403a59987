import { useStore } from 'zustand';
import { useStores } from './stores-context';

/** Transient messages, announced politely to screen readers. */
export function Toasts() {
  const { ui } = useStores();
  const toasts = useStore(ui.store, (s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span>{t.text}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => ui.dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
