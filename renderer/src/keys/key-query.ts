import type { KeyState, KeyView, TokenFamily } from '../../../electron/contract/keys';

export type SortColumn = 'id' | 'description' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'state';

/** How the table is narrowed and ordered; plain data kept in the keys store. */
export interface KeyQuery {
  search: string;
  /** Empty means every state. */
  state: KeyState | 'all';
  label: string | null;
  family: TokenFamily | 'all';
  sort: { column: SortColumn; dir: 'asc' | 'desc' };
}

export const defaultQuery: KeyQuery = {
  search: '',
  state: 'all',
  label: null,
  family: 'all',
  sort: { column: 'expiresAt', dir: 'asc' },
};

const stateOrder: Record<KeyState, number> = {
  expired: 0,
  expiring: 1,
  pending_revocation: 2,
  revoked: 3,
  disabled: 4,
  active: 5,
};

/**
 * Readies the search ahead of the first keystroke (called when the browser is idle): builds every
 * key's search text, and runs a search over all of them once, so that the first keystroke's
 * filter runs optimised code rather than V8's first, interpreted pass (until then every filter
 * ran with no search words, which never reaches the text test).
 */
export function warmSearch(keys: readonly KeyView[]): void {
  // Whatever matches is thrown away: only the code path is exercised.
  const search = compileQuery({ ...defaultQuery, search: '\u0000' });
  for (const key of keys) search(key);
}

/** Lower-cased text searched for each key; cached per object since lists are replaced, not mutated. */
const haystacks = new WeakMap<KeyView, string>();
function haystack(key: KeyView): string {
  let text = haystacks.get(key);
  if (text === undefined) {
    text = [key.id, key.name, key.description, key.clusterName ?? '', ...key.labels]
      .join('\n')
      .toLowerCase();
    haystacks.set(key, text);
  }
  return text;
}

function time(iso: string | null, missing: number): number {
  if (iso === null) return missing;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? missing : t;
}

/** The value a column sorts by: numbers for times and states, lower-cased text otherwise. */
function sortValue(key: KeyView, column: SortColumn): number | string {
  switch (column) {
    case 'id':
      return key.id;
    case 'description':
      return key.description.toLowerCase();
    case 'createdAt':
      return time(key.createdAt, 0);
    case 'lastUsedAt':
      return time(key.lastUsedAt, 0);
    case 'expiresAt':
      // Keys that never expire sort after every dated one.
      return time(key.expiresAt, Number.MAX_SAFE_INTEGER);
    case 'state':
      return stateOrder[key.state];
  }
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lower-cased words of a search; a key matches when its text contains every one. */
export function searchWords(search: string): string[] {
  const needle = search.trim().toLowerCase();
  return needle ? needle.split(/\s+/) : [];
}

/**
 * `query` as a predicate, with the search split into words once rather than once per key (a
 * keystroke tests thousands of keys).
 */
export function compileQuery(query: KeyQuery): (key: KeyView) => boolean {
  const words = searchWords(query.search);
  // Which kinds are listed at all (API keys only, or sessions, kubeconfig and system tokens too)
  // is one Settings switch, applied by the core: the table shows every key it is given.
  const { state, family, label } = query;
  return (key) => {
    if (state !== 'all' && key.state !== state) return false;
    if (family !== 'all' && key.family !== family) return false;
    if (label !== null && !key.labels.includes(label)) return false;
    if (words.length === 0) return true;
    const text = haystack(key);
    for (const word of words) if (!text.includes(word)) return false;
    return true;
  };
}

/** Whether `key` passes the filters and search of `query` (sorting aside). */
export function matchesQuery(key: KeyView, query: KeyQuery): boolean {
  return compileQuery(query)(key);
}

/**
 * Whether every key matching `next` also matches `prev`, so `next`'s rows can be filtered from
 * `prev`'s instead of from every key: same filters and sort, and each word of `prev`'s search is
 * contained in a word of `next`'s (typing on, as in "plat" → "platform 1").
 */
export function narrows(prev: KeyQuery, next: KeyQuery): boolean {
  if (
    prev.state !== next.state ||
    prev.family !== next.family ||
    prev.label !== next.label ||
    prev.sort !== next.sort
  ) {
    return false;
  }
  const nextWords = searchWords(next.search);
  return searchWords(prev.search).every((w) => nextWords.some((n) => n.includes(w)));
}

/** The keys to show, filtered, searched and sorted (stable; ties broken by access key). */
export function applyQuery(keys: readonly KeyView[], query: KeyQuery): KeyView[] {
  return sortKeys(keys.filter(compileQuery(query)), query.sort);
}

/** `keys` in the order of `sort` (ties broken by access key); a new array. */
export function sortKeys(keys: readonly KeyView[], sort: KeyQuery['sort']): KeyView[] {
  const { column, dir } = sort;
  const sign = dir === 'asc' ? 1 : -1;
  // Decorate once, so a 10,000-key sort parses each date once rather than on every comparison.
  const rows = keys.map((key) => ({ key, value: sortValue(key, column) }));
  rows.sort(
    (a, b) =>
      sign * compareValues(a.value, b.value) ||
      (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0),
  );
  return rows.map((r) => r.key);
}

/** Every label used by `keys`, sorted, for the filter and the label editor's suggestions. */
export function allLabels(keys: readonly KeyView[]): string[] {
  const set = new Set<string>();
  for (const k of keys) for (const l of k.labels) set.add(l);
  return [...set].sort((a, b) => a.localeCompare(b));
}
