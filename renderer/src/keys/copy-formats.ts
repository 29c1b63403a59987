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

/** "Copied, clears in 30 s" — or without the clearing when the clipboard is kept. */
export function copiedText(format: CopyFormat, clearsInMs: number): string {
  const what = format === 'bearer' ? 'Copied' : `Copied ${lowerFirst(copyFormatLabels[format])}`;
  return clearsInMs > 0 ? `${what}, clears in ${Math.round(clearsInMs / 1000)} s` : what;
}

/** "Access key" → "access key", but "API endpoint" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
