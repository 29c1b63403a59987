import type { KeychainStatus } from '../../contract/app';
import { AppFailure } from '../app-failure';

type Platform = NodeJS.Platform;

const fixes: Record<
  'locked' | 'unavailable',
  Partial<Record<Platform, string>> & { default: string }
> = {
  locked: {
    linux:
      'Unlock your login keyring (open "Passwords and Keys" / Seahorse, or sign out and in again), then retry.',
    darwin: 'Unlock your login keychain in Keychain Access, then retry.',
    win32: 'Sign in to Windows again so that Credential Manager is available, then retry.',
    default: 'Unlock your system keychain, then retry.',
  },
  unavailable: {
    linux:
      'Rancher Keys stores secrets in the Secret Service. Install and start GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring`), sign in to a desktop session, then restart Rancher Keys.',
    darwin:
      'Rancher Keys could not reach the macOS Keychain. Restart your Mac session, then retry.',
    win32: 'Rancher Keys could not reach Windows Credential Manager. Restart Windows, then retry.',
    default:
      'Rancher Keys needs an OS keychain to store secrets. Install one, then restart the app.',
  },
};

function fixFor(kind: 'locked' | 'unavailable', platform: Platform): string {
  return fixes[kind][platform] ?? fixes[kind].default;
}

/** keytar throws plain Errors; these are the texts that mean "locked" (toolchain.md). */
export function isLockedMessage(message: string): boolean {
  return /locked collection|is locked|user canceled|user cancelled|interaction is not allowed/i.test(
    message,
  );
}

/** Describes a keychain failure in the user's terms (the library's text is kept as the reason). */
export function keychainStatusFromError(error: unknown, platform: Platform): KeychainStatus {
  const raw = error instanceof Error ? error.message : String(error);
  const kind = isLockedMessage(raw) ? 'locked' : 'unavailable';
  const reason =
    kind === 'locked'
      ? `The keychain is locked (${raw}).`
      : `The keychain cannot be reached (${raw}).`;
  return { status: kind, reason, fix: fixFor(kind, platform) };
}

/** The failure to throw when a keychain operation fails. */
export function keychainFailure(error: unknown, platform: Platform): AppFailure {
  const status = keychainStatusFromError(error, platform);
  return new AppFailure(
    status.status === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
    `${status.reason} ${status.fix}`,
    { cause: error },
  );
}
