import { useStore } from './use-store';
import { useStores } from './stores-context';

/**
 * Shown while another Rancher Keys holds the data folder (`app:info` `dataFolderInUse`): this window
 * changes nothing, so it says so and what to do. Not dismissable: it stays true until a restart.
 */
export function DataFolderInUseBanner() {
  const { settings } = useStores();
  const reason = useStore(settings.store, (s) => s.info?.dataFolderInUse ?? null);
  if (!reason) return null;
  return (
    <div
      className="banner banner-warning banner-block"
      role="region"
      aria-label="Data folder in use"
      data-testid="data-folder-in-use-banner"
    >
      <div className="banner-text">
        <strong>
          Another Rancher Keys is using the data folder: changes made here are not saved.
        </strong>
        <p>{reason}</p>
      </div>
    </div>
  );
}
