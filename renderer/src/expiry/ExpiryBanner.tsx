import { useStore } from 'zustand';
import { formatDuration } from '../format/time';
import { useStores } from '../ui/stores-context';
import { summaryKey } from './expiry-store';

/** "N keys expire within 7 days" across every server, with Review. */
export function ExpiryBanner() {
  const { expiry, ui, settings } = useStores();
  const summary = useStore(expiry.store, (s) => s.summary);
  const dismissedFor = useStore(expiry.store, (s) => s.dismissedFor);
  const view = useStore(ui.store, (s) => s.view);
  const threshold = useStore(settings.store, (s) => Math.max(0, ...s.settings.warningThresholdsMs));
  if (!summary || view === 'expiring') return null;
  const { expiringCount, expiredCount } = summary;
  if (expiringCount + expiredCount === 0 || dismissedFor === summaryKey(summary)) return null;

  const parts: string[] = [];
  if (expiringCount > 0) {
    parts.push(
      `${expiringCount} ${expiringCount === 1 ? 'key expires' : 'keys expire'} within ${formatDuration(threshold)}`,
    );
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
