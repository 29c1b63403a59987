import type { CopyFormat } from '../../contract/keys';
import { AppFailure } from '../app-failure';
import { isControl } from '../display-text';
import { secretOf } from './key-id';
import { shellQuote } from './shell-quote';

/** Formats that need no secret (they can be copied for any key). */
export const publicFormats: ReadonlySet<CopyFormat> = new Set(['access_key', 'endpoint']);

// C0 and C1 controls and DEL: a terminal acts on them while the text is pasted (escape sequences
// can end bracketed paste, a line break runs the line), before any quoting is seen by the shell.
const hasControl = (value: string): boolean =>
  [...value].some((c) => isControl(c.codePointAt(0) ?? 0));

/** Quotes one value for a shell-shaped format; a value a terminal would act on is refused. */
function shellWord(value: string, what: string): string {
  if (hasControl(value)) {
    throw new AppFailure(
      'invalid_input',
      `The ${what} contains control characters; Rancher Keys will not put it in a shell command. Copy the bearer token instead.`,
    );
  }
  return shellQuote(value);
}

/**
 * The text `keys:copy` puts on the clipboard. `bearer` is null only for the public formats.
 * Shell-shaped formats single-quote every value on top of the validation done where the values
 * came in: a server can issue a secret or a name we did not expect, and pasting must never run it.
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
      return [
        `export RANCHER_URL=${shellWord(origin, 'server address')}`,
        `export RANCHER_TOKEN=${shellWord(bearer, 'token')}`,
      ].join('\n');
    case 'env_keys':
      return [
        `export RANCHER_ACCESS_KEY=${shellWord(keyId, 'access key')}`,
        `export RANCHER_SECRET_KEY=${shellWord(secretOf(bearer), 'secret key')}`,
      ].join('\n');
    case 'rancher_login':
      return `rancher login ${shellWord(origin, 'server address')} --token ${shellWord(bearer, 'token')}`;
  }
}
