import { CST, Parser, stringify } from 'yaml';
import type { ExecConfig } from '../kubeconfig/kubeconfig-file';
import type { KubeconfigEdit } from './file-rewrites';

/**
 * The fast rewrite of a kubeconfig: only the bytes of each changed `token` pair are replaced, at
 * the offsets yaml's concrete syntax tree gives them. Building and printing the whole document
 * model instead costs seconds on a 10,000-user file (bench/RESULTS.md, "Plaintext check"); the
 * syntax tree alone is several times cheaper, and every other byte is copied, not re-printed.
 */

type BlockMap = CST.BlockMap;
type MapItem = BlockMap['items'][number];

interface Splice {
  start: number;
  end: number;
  text: string;
}

const flowScalars = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

/** The string a key or value token holds when it is a plain or quoted scalar, else null. */
function scalarText(token: CST.Token | null | undefined): string | null {
  if (!token || !flowScalars.has(token.type)) return null;
  return CST.resolveAsScalar(token)?.value ?? null;
}

/** Every pair of a block mapping whose key is the scalar `key`. */
function pairs(map: BlockMap, key: string): MapItem[] {
  return map.items.filter((item) => scalarText(item.key) === key);
}

/** The single block mapping under `key`, or undefined when there is none or another shape. */
function blockMapUnder(map: BlockMap, key: string): BlockMap | undefined {
  const found = pairs(map, key);
  const value = found.length === 1 ? found[0]!.value : undefined;
  return value?.type === 'block-map' ? value : undefined;
}

/**
 * The text that stands where `token: …` stood: the exec entry, its later lines indented to the
 * key's column, with the file's own line ending and sequence indentation.
 */
function execText(exec: ExecConfig, column: number, newline: string, indentSeq: boolean): string {
  const lines = stringify({ exec }, { lineWidth: 0, indentSeq }).replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(column);
  return lines.map((line, i) => (i === 0 || line === '' ? line : pad + line)).join(newline);
}

/** The splice replacing one user's `token` pair, or null when the entry is not in a plain shape. */
function spliceFor(
  text: string,
  user: BlockMap,
  exec: ExecConfig,
  indentSeq: boolean,
): Splice | null {
  const tokens = pairs(user, 'token');
  if (tokens.length !== 1 || pairs(user, 'exec').length > 0) return null;
  const { key, sep, value } = tokens[0]!;
  if (!key || !value || !flowScalars.has(value.type) || !('source' in value)) return null;
  // Anything between key and value but the colon and spaces (an anchor, a tag, a comment) is
  // left to the document model.
  if (sep?.some((t) => t.type !== 'map-value-ind' && t.type !== 'space')) return null;
  const lineStart = text.lastIndexOf('\n', key.offset - 1) + 1;
  if (!/^ *$/.test(text.slice(lineStart, key.offset))) return null;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    start: key.offset,
    end: value.offset + value.source.length,
    text: execText(exec, key.offset - lineStart, newline, indentSeq),
  };
}

/**
 * Where the top-level `users:` section is: from its key at the start of a line to the next line
 * that starts at column 0 with anything but a list item or a comment. Only this part needs a
 * syntax tree (the clusters' CA data is most of a big file). A guess from the lines alone: the
 * caller reads the whole result back, and anything this got wrong falls to the document model.
 */
function usersSection(text: string): { start: number; end: number } | null {
  const keys = [...text.matchAll(/^users:[ \t]*(?:#[^\n]*)?\r?$/gm)];
  if (keys.length !== 1) return null;
  const start = keys[0]!.index;
  const next = /\n[^\s#-]/g;
  next.lastIndex = start;
  const end = next.exec(text);
  return { start, end: end === null ? text.length : end.index + 1 };
}

/** The user entries of a `users:` section's tree, or null when it is not a plain block list. */
function userItems(section: string): CST.BlockSequence['items'] | null {
  const top = [...new Parser().parse(section)];
  if (top.some((t) => t.type === 'error')) return null;
  const docs = top.filter((t): t is CST.Document => t.type === 'document');
  const root = docs.length === 1 ? docs[0]!.value : undefined;
  if (root?.type !== 'block-map') return null;
  const users = pairs(root, 'users');
  const list = users.length === 1 ? users[0]!.value : undefined;
  return list?.type === 'block-seq' ? list.items : null;
}

/**
 * Replaces the `token` of each named user (the first entry of that name, as kubectl reads it) by
 * its exec entry, touching no other byte. Returns null when the file is not in the block layout
 * kubectl and Rancher write (flow mappings, aliases, several documents, a user with an exec entry
 * already, a user not found…): the caller then goes through the document model.
 */
export function spliceKubeconfig(
  text: string,
  edits: readonly KubeconfigEdit[],
  indentSeq: boolean,
): string | null {
  const range = usersSection(text);
  if (range === null) return null;
  const section = text.slice(range.start, range.end);
  const items = userItems(section);
  if (items === null) return null;
  const wanted = new Map(edits.map((e) => [e.user, e.exec]));
  const splices: Splice[] = [];
  for (const item of items) {
    if (item.value?.type !== 'block-map') return null;
    const names = pairs(item.value, 'name');
    if (names.length !== 1) return null;
    const name = scalarText(names[0]!.value);
    if (name === null) return null;
    const exec = wanted.get(name);
    if (exec === undefined) continue;
    const user = blockMapUnder(item.value, 'user');
    const splice = user ? spliceFor(section, user, exec, indentSeq) : null;
    if (splice === null) return null;
    splices.push(splice);
    wanted.delete(name);
  }
  if (wanted.size > 0) return null;
  const parts: string[] = [text.slice(0, range.start)];
  let at = 0;
  for (const s of splices.sort((a, b) => a.start - b.start)) {
    parts.push(section.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(section.slice(at), text.slice(range.end));
  return parts.join('');
}
