import { useStore } from './use-store';
import type { AppError } from '../../../electron/contract/errors';
import { errorHeading, errorRemedies, type Remedy } from './error-text';
import { useStores } from './stores-context';

const remedyLabels: Record<Remedy, string> = {
  sign_in: 'Sign in again',
  trust_certificate: 'Review certificate',
  unlock_keychain: 'How to fix the keychain',
  retry: 'Retry',
  edit_server: 'Edit server',
};

/**
 * An error by its code, with the remedies that fit: sign in again, trust the certificate, the
 * keychain's fix (from app:info), retry.
 */
export function ErrorNotice({
  error,
  serverId,
  onRetry,
  compact = false,
}: {
  error: AppError;
  serverId?: string | null;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { ui, settings } = useStores();
  const keychainFix = useStore(settings.store, (s) => s.info?.keychain.fix ?? null);
  const remedies = errorRemedies(error.code).filter((r) => {
    if (r === 'retry') return Boolean(onRetry);
    if (r === 'sign_in' || r === 'edit_server') return Boolean(serverId);
    if (r === 'trust_certificate') return Boolean(serverId && error.certificate);
    return true;
  });

  function run(remedy: Remedy) {
    switch (remedy) {
      case 'sign_in':
        if (serverId) ui.open({ kind: 'signIn', serverId });
        return;
      case 'edit_server':
        if (serverId) ui.open({ kind: 'editServer', serverId });
        return;
      case 'trust_certificate':
        if (serverId && error.certificate) {
          ui.open({ kind: 'trustCertificate', serverId, certificate: error.certificate });
        }
        return;
      case 'unlock_keychain':
        ui.setView('settings');
        return;
      case 'retry':
        onRetry?.();
        return;
    }
  }

  return (
    <div
      className={compact ? 'notice notice-error notice-compact' : 'notice notice-error'}
      role="alert"
      data-testid="error-notice"
      data-code={error.code}
    >
      <div className="notice-text">
        <strong>{errorHeading(error)}</strong>
        <span>{error.message}</span>
        {(error.code === 'keychain_unavailable' || error.code === 'keychain_locked') &&
          keychainFix && <span className="notice-fix">{keychainFix}</span>}
        {error.certificateChanged && (
          <span>The server presented a different certificate than the one you trusted.</span>
        )}
      </div>
      {remedies.length > 0 && (
        <div className="notice-actions">
          {remedies
            .filter((r) => !(r === 'unlock_keychain' && keychainFix))
            .map((r) => (
              <button key={r} type="button" className="button" onClick={() => run(r)}>
                {remedyLabels[r]}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
