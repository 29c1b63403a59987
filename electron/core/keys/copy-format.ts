import type { CopyFormat } from '../../contract/keys';
import { secretOf } from './key-id';

/** Formats that need no secret (they can be copied for any key). */
export const publicFormats: ReadonlySet<CopyFormat> = new Set(['access_key', 'endpoint']);

/**
 * The text `keys:copy` puts on the clipboard. `bearer` is null only for the public formats.
 * Single quotes are not needed: origins, access keys and secrets hold no shell metacharacters.
 */
export function formatCopy(
  format: CopyFormat,
  parts: { origin: string; keyId: string; bearer: string | null },
): string {
  const { origin, keyId } = parts;
  const endpoint = `${origin}/v3`;
  if (format === 'access_key') return keyId;
  if (format === 'endpoint') return endpoint;
  const bearer = parts.bearer;
  if (bearer === null) throw new Error(`copy format ${format} needs the secret`);
  switch (format) {
    case 'bearer':
      return bearer;
    case 'secret_key':
      return secretOf(bearer);
    case 'header':
      return `Authorization: Bearer ${bearer}`;
    case 'env_token':
      return `export RANCHER_URL=${origin}\nexport RANCHER_TOKEN=${bearer}`;
    case 'env_keys':
      return `export RANCHER_ACCESS_KEY=${keyId}\nexport RANCHER_SECRET_KEY=${secretOf(bearer)}`;
    case 'rancher_login':
      return `rancher login ${origin} --token ${bearer}`;
  }
}
