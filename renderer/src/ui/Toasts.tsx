import { useStore } from './use-store';
import { useStores } from './stores-context';
import { useTicked } from './tick';
import type { Toast } from './ui-store';
import './toasts.css';

/** ", clears in 12 s", counting down once a second; nothing once the time is up. */
function Countdown({ toast }: { toast: Toast }) {
  const { tick } = useStores();
  const end = toast.shownAt + (toast.countdownMs ?? 0);
  const left = useTicked(tick, (now) => Math.max(0, Math.ceil((end - now) / 1000)));
  return left > 0 ? <>, clears in {left} s</> : <>, cleared</>;
}

/** Transient messages, announced politely to screen readers. */
export function Toasts() {
  const { ui } = useStores();
  const toasts = useStore(ui.store, (s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span>
            {t.text}
            {t.countdownMs !== undefined && t.countdownMs > 0 && <Countdown toast={t} />}
          </span>
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
