/**
 * Id-keyed tables that outside text cannot subvert. Ids come from IPC input and Rancher answers
 * (`constructor` is a valid token name); on a plain object `table['constructor']` is a function and
 * `table['__proto__'] = x` replaces the prototype. Tables are null-prototype objects (so they stay
 * JSON-shaped for the metadata files) and are read with own-property checks.
 */
export type IdTable<T> = Record<string, T>;

/** A null-prototype copy of `from` (or an empty table). */
export function idTable<T>(from?: Readonly<Record<string, T>>): IdTable<T> {
  const table = Object.create(null) as IdTable<T>;
  if (from) for (const id of Object.keys(from)) table[id] = from[id] as T;
  return table;
}

/** The entry stored under `id` itself, never one inherited from a prototype. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

/** A null-prototype copy of `table` with `id` set to `value`. */
export function withEntry<T>(table: Readonly<Record<string, T>>, id: string, value: T): IdTable<T> {
  const next = idTable(table);
  next[id] = value;
  return next;
}
