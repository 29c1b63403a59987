import { useStore } from './use-store';
import { useStores } from './stores-context';

/** Shown while the OS keychain is unavailable or locked: what is wrong and how to fix it. */
export function KeychainBanner() {
  const { settings } = useStores();
  const keychain = useStore(settings.store, (s) => s.info?.keychain ?? null);
  if (!keychain || keychain.status === 'available') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="keychain-banner">
      <span>
        <strong>
          {keychain.status === 'locked' ? 'Keychain locked.' : 'Keychain unavailable.'}
        </strong>{' '}
        {keychain.reason} {keychain.fix && <span className="banner-fix">{keychain.fix}</span>} Keys
        can be listed but not stored or copied.
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => void settings.reloadInfo()}
      >
        Check again
      </button>
    </div>
  );
}
