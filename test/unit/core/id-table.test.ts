import { describe, expect, it } from 'vitest';
import { idTable, ownEntry, withEntry } from '../../../electron/core/id-table';

describe('id tables', () => {
  it('reads prototype names as absent when the table does not hold them', () => {
    const table = idTable(JSON.parse('{"token-a":1}') as Record<string, number>);
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(ownEntry(table, id)).toBeUndefined();
      expect(ownEntry({ 'token-a': 1 }, id)).toBeUndefined();
    }
    expect(ownEntry(table, 'token-a')).toBe(1);
  });

  it('stores __proto__ and constructor as ordinary ids without touching the prototype', () => {
    const table = withEntry(withEntry(idTable<number>(), '__proto__', 1), 'constructor', 2);
    expect(Object.getPrototypeOf(table)).toBeNull();
    expect(Object.keys(table).sort()).toEqual(['__proto__', 'constructor']);
    expect(ownEntry(table, '__proto__')).toBe(1);
    expect(ownEntry(table, 'constructor')).toBe(2);
    expect(JSON.parse(JSON.stringify(idTable(table)))).toEqual(
      JSON.parse('{"__proto__":1,"constructor":2}'),
    );
  });
});
