import type { CopyFormat } from '../../../electron/contract/keys';

/** What each copy format puts on the clipboard, in the user's words. */
export const copyFormatLabels: Record<CopyFormat, string> = {
  bearer: 'Bearer token',
  access_key: 'Access key',
  secret_key: 'Secret key',
  endpoint: 'API endpoint',
  header: 'Authorization header',
  env_token: 'Environment variable (token)',
  env_keys: 'Environment variables (access + secret)',
  rancher_login: 'rancher login command',
};

/**
 * The toast for a copy: it names the part and the key ("Bearer token of token-abc12 copied") and,
 * when the clipboard will be cleared, counts down to it. Copies share one toast slot, so a new copy
 * replaces the previous toast instead of stacking.
 */
export function copiedToast(
  format: CopyFormat,
  keyId: string,
  clearsInMs: number,
): { text: string; slot: 'copy'; countdownMs: number } {
  const part = copyFormatLabels[format];
  const text = `${part.charAt(0).toUpperCase()}${part.slice(1)} of ${keyId} copied`;
  return { text, slot: 'copy', countdownMs: clearsInMs };
}
