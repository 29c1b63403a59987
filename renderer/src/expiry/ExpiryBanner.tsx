import { useStore } from '../ui/use-store';
import { useStores } from '../ui/stores-context';
import { summaryKey } from './expiry-store';

/**
 * "N keys expiring soon" across every server, with Review. A key counts once it is in its own
 * warning window (the threshold, capped at its last quarter of life), so the banner says "soon"
 * as the tray does, never "within <threshold>", which would undercount the keys that do expire
 * within the threshold but are not yet in their window.
 */
export function ExpiryBanner() {
  const { expiry, ui } = useStores();
  const summary = useStore(expiry.store, (s) => s.summary);
  const dismissedFor = useStore(expiry.store, (s) => s.dismissedFor);
  const view = useStore(ui.store, (s) => s.view);
  if (!summary || view === 'expiring') return null;
  const { expiringCount, expiredCount } = summary;
  if (expiringCount + expiredCount === 0 || dismissedFor === summaryKey(summary)) return null;

  const parts: string[] = [];
  if (expiringCount > 0) {
    parts.push(`${expiringCount} ${expiringCount === 1 ? 'key' : 'keys'} expiring soon`);
  }
  if (expiredCount > 0) {
    parts.push(`${expiredCount} ${expiredCount === 1 ? 'has' : 'have'} expired`);
  }
  return (
    <div
      className="banner banner-warning"
      role="region"
      aria-label="Expiry warning"
      data-testid="expiry-banner"
    >
      <span>{parts.join('; ')}.</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => ui.setView('expiring')}
        data-testid="expiry-review"
      >
        Review
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss expiry warning"
        onClick={() => expiry.dismissBanner()}
      >
        ×
      </button>
    </div>
  );
}
