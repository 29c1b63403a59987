import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { ExecConfig } from '../kubeconfig/kubeconfig-file';
import { parseKubeconfigText } from './kubeconfig-tokens';
import { spliceKubeconfig } from './kubeconfig-splice';

/**
 * The edits a rewrite makes, placed by the parser (never by searching the text): every other
 * entry, field, order and comment stays as the parser read it.
 */

/** Kubeconfig users whose `token` gives way to the `rancher-keys kubectl-credential` exec entry. */
export interface KubeconfigEdit {
  user: string;
  exec: ExecConfig;
}

/** The document model's rewrite: for layouts the byte splice leaves alone (flow style, aliases…). */
function rewriteThroughDocument(
  text: string,
  edits: readonly KubeconfigEdit[],
  indentSeq: boolean,
): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error('Not valid YAML.');
  const users = doc.get('users', true);
  if (!isSeq(users)) throw new Error('Its "users" is not a list.');
  const wanted = new Map(edits.map((e) => [e.user, e.exec]));
  let changed = 0;
  for (const item of users.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    const exec = typeof name === 'string' ? wanted.get(name) : undefined;
    const user = item.get('user', true);
    if (exec === undefined || !isMap(user)) continue;
    user.delete('token');
    user.set('exec', doc.createNode(exec));
    wanted.delete(name as string);
    changed += 1;
  }
  if (wanted.size > 0) throw new Error('A user to rewrite is no longer in the file.');
  return changed === 0 ? text : doc.toString({ lineWidth: 0, indentSeq });
}

/** What the file must read as after the edits: the file as it reads now, each user changed. */
function plannedValue(before: string, edits: readonly KubeconfigEdit[]): Record<string, unknown> {
  const value = parseKubeconfigText(before);
  const wanted = new Map(edits.map((e) => [e.user, e.exec]));
  const users = Array.isArray(value.users) ? (value.users as unknown[]) : [];
  for (const item of users) {
    if (item === null || typeof item !== 'object') continue;
    const { name, user } = item as { name?: unknown; user?: unknown };
    const exec = typeof name === 'string' ? wanted.get(name) : undefined;
    if (exec === undefined || user === null || typeof user !== 'object') continue;
    const fields = user as Record<string, unknown>;
    delete fields.token;
    fields.exec = JSON.parse(JSON.stringify(exec)) as unknown;
    wanted.delete(name as string);
  }
  return value;
}

/** Whether `text` reads back as `planned` (key order aside). */
function readsAs(text: string, planned: Record<string, unknown>): boolean {
  try {
    return isDeepStrictEqual(parseKubeconfigText(text), planned);
  } catch {
    return false;
  }
}

/**
 * Replaces each named user's `token` by the exec entry (other fields of the user stay). Only the
 * bytes of each changed pair are replaced when the file is in the block layout kubectl and
 * Rancher write; other layouts go through the document model. The sequence indentation is the
 * file's own (kubectl writes `- name` flush with its key). Either result is read back and
 * compared with the file plus the planned edits (a neighbour swallowed by a wrong indent, a lost
 * entry): one that differs is never returned.
 */
export function rewriteKubeconfig(text: string, edits: readonly KubeconfigEdit[]): string {
  if (edits.length === 0) return text;
  const indentSeq = /^[A-Za-z-]+:[ \t]*\r?\n[ \t]+- /m.test(text);
  const planned = plannedValue(text, edits);
  const spliced = spliceKubeconfig(text, edits, indentSeq);
  if (spliced !== null && readsAs(spliced, planned)) return spliced;
  const printed = rewriteThroughDocument(text, edits, indentSeq);
  if (!readsAs(printed, planned)) {
    throw new Error('The rewritten file did not read back as planned.');
  }
  return printed;
}

/** A cli2.json edit: clear an entry's login key, or drop one cached kube credential. */
export type Cli2Edit =
  | { kind: 'remove_secret'; entry: string }
  | { kind: 'remove_kube_credential'; entry: string; credential: string };

/** Go's json.Encoder escapes these in strings; the CLI writes files that way (rancher-api.md §1.2). */
function goEscape(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Applies the edits to a cli2.json, keeping every other key and its order. A login key is
 * cleared the way the CLI leaves an entry without one (empty strings); a cached credential is set
 * to null, as the CLI does itself when one expires. Written back in the file's own layout: one
 * line as the CLI writes it, or indented as a person left it.
 */
export function rewriteCli2(text: string, edits: readonly Cli2Edit[]): string {
  const value = JSON.parse(text) as { Servers?: Record<string, Record<string, unknown> | null> };
  const servers = value.Servers ?? {};
  for (const edit of edits) {
    const entry = Object.hasOwn(servers, edit.entry) ? servers[edit.entry] : null;
    if (!entry) throw new Error('An entry to rewrite is no longer in the file.');
    if (edit.kind === 'remove_secret') {
      for (const field of ['accessKey', 'secretKey', 'tokenKey']) {
        if (Object.hasOwn(entry, field)) entry[field] = '';
      }
    } else {
      const creds = entry.kubeCredentials as Record<string, unknown> | null | undefined;
      if (!creds || !Object.hasOwn(creds, edit.credential)) {
        throw new Error('A credential to remove is no longer in the file.');
      }
      creds[edit.credential] = null;
    }
  }
  const indent = /^\{\s*\r?\n([ \t]+)"/.exec(text)?.[1];
  const json = indent ? JSON.stringify(value, null, indent) : JSON.stringify(value);
  const escaped = /[<>&]/.test(text) ? json : goEscape(json);
  return `${escaped}${text.endsWith('\n') ? '\n' : ''}`;
}
