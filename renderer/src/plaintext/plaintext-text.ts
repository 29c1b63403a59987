import type {
  PlaintextChange,
  PlaintextFile,
  PlaintextImportOutcome,
  PlaintextPlace,
  PlaintextTokenKind,
} from '../../../electron/contract/plaintext';

/** The longest piece of file text (entry, user or context name) shown in a line. */
const MAX_NAME = 80;

/**
 * A name read from a file, cut to a readable length: a file may hold names of any length. Preact
 * renders it as text (never markup), inside `<bdi>` so its direction cannot reorder ours.
 */
export function fileName(text: string): string {
  const chars = [...text];
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : text;
}

/** Where in its file a token sits, in the file's own terms. */
export function placeText(place: PlaintextPlace): string {
  switch (place.kind) {
    case 'cli2_login':
      return `server entry "${fileName(place.entry)}"`;
    case 'cli2_kube_credential':
      return `cached kubectl credential "${fileName(place.subEntry ?? '')}" of entry "${fileName(place.entry)}"`;
    case 'kubeconfig_user': {
      const contexts = place.contexts.slice(0, 3).map((c) => `"${fileName(c)}"`);
      if (place.contexts.length > 3) contexts.push(`${place.contexts.length - 3} more`);
      return `user "${fileName(place.entry)}"${contexts.length ? `, contexts ${contexts.join(', ')}` : ''}`;
    }
  }
}

/** The kind of token, as the Rancher user knows it. */
export const tokenKindText: Record<PlaintextTokenKind, string> = {
  v3: 'API key',
  ext: 'ext token',
  kubeconfig: 'kubeconfig token',
};

/** What kind of file, and why it was read. */
export function fileKindText(file: Pick<PlaintextFile, 'kind' | 'origin'>): string {
  const kind = file.kind === 'cli2' ? 'Rancher CLI config' : 'kubeconfig';
  switch (file.origin) {
    case 'rancher_cli':
      return kind;
    case 'kube_default':
      return `${kind} (kubectl's default)`;
    case 'kubeconfig_env':
      return `${kind} (from $KUBECONFIG)`;
    case 'user_added':
      return `${kind} (added by you)`;
  }
}

/** One clear line for a file that could not be read as it should (main's sentence when it has one). */
export function fileProblemText(file: PlaintextFile): string | null {
  if (file.status === 'ok') return null;
  if (file.message) return file.message;
  switch (file.status) {
    case 'missing':
      return 'Not there.';
    case 'unreadable':
      return 'Could not be read.';
    case 'malformed':
      return 'Not a valid file of this kind; nothing was read from it.';
    case 'symlink_refused':
      return 'A symbolic link to something other than your own file; not read.';
    case 'too_large':
      return 'Too large to read.';
    case 'not_a_file':
      return 'Not a file.';
  }
}

/** An import's outcome, as one word or phrase. */
export const outcomeText: Record<PlaintextImportOutcome, string> = {
  imported: 'Imported',
  already_held: 'Already held',
  expired: 'Expired, not imported',
  revoked: 'Revoked or disabled, not imported',
  not_owner: "Another user's, not imported",
  unreachable: 'Server unreachable',
  untrusted: 'Certificate not trusted',
  unknown_server: 'Server unknown',
  failed: 'Failed',
  cancelled: 'Not attempted (cancelled)',
};

/** Problems first, then what was left out, then what went well. */
export const outcomeRank: Record<PlaintextImportOutcome, number> = {
  failed: 0,
  unreachable: 1,
  untrusted: 2,
  unknown_server: 3,
  expired: 4,
  revoked: 5,
  not_owner: 6,
  cancelled: 7,
  already_held: 8,
  imported: 9,
};

/** What a rewrite does to one entry. */
export const changeText: Record<PlaintextChange['change'], string> = {
  token_to_exec: 'token replaced by a rancher-keys credential command (kubectl keeps working)',
  remove_secret: 'secret removed',
  remove_kube_credential: 'cached kubectl credential removed',
};

/** "1 token", "3 tokens". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
