import { describe, expect, it } from 'vitest';
import { knownTokens, mergeServerList } from '../../../../electron/core/keys/merge-server-list';
import { v3TokenSchema } from '../../../../electron/core/rancher/schemas';
import { fromV3 } from '../../../../electron/core/rancher/token-model';
import { recordFor, type ServerKeysDoc } from '../../../../electron/core/keys/key-records';
import type { RancherToken } from '../../../../electron/core/rancher/rancher-client';
import { rancherToken } from '../../../support/rancher-token';

const token = rancherToken;

function docOf(...tokens: RancherToken[]): ServerKeysDoc {
  return mergeServerList({ refreshedAt: null, keys: {} }, tokens, 'then').doc;
}

describe('mergeServerList', () => {
  it('keeps the records and the keys object when the server lists the same tokens', () => {
    const doc = docOf(token('token-aaa11'), token('token-bbb22'));
    const { doc: next } = mergeServerList(doc, [token('token-bbb22'), token('token-aaa11')], 'now');
    expect(next.keys).toBe(doc.keys);
    expect(next.refreshedAt).toBe('now');
  });

  it('replaces only the record whose token changed, keeping its local facts', () => {
    const doc = docOf(token('token-aaa11'), token('token-bbb22'));
    doc.keys['token-aaa11'] = { ...doc.keys['token-aaa11']!, labels: ['prod'] };
    const { doc: next } = mergeServerList(
      doc,
      [token('token-aaa11', { lastUsedAt: '2025-01-02T00:00:00Z' }), token('token-bbb22')],
      'now',
    );
    expect(next.keys).not.toBe(doc.keys);
    expect(next.keys['token-bbb22']).toBe(doc.keys['token-bbb22']);
    expect(next.keys['token-aaa11']).toMatchObject({
      labels: ['prod'],
      token: { lastUsedAt: '2025-01-02T00:00:00Z' },
    });
  });

  it('builds a new keys object when a token is added or one known locally left the server', () => {
    const doc = docOf(token('token-aaa11'));
    const added = mergeServerList(doc, [token('token-aaa11'), token('token-ccc33')], 'now').doc;
    expect(Object.keys(added.keys)).toEqual(['token-aaa11', 'token-ccc33']);
    const labelled: ServerKeysDoc = {
      ...doc,
      keys: { 'token-aaa11': { ...recordFor(token('token-aaa11')), labels: ['x'] } },
    };
    const gone = mergeServerList(labelled, [], 'now').doc;
    expect(gone.keys['token-aaa11']?.onServer).toBe(false);
    // Gone already: the off-server record is kept as it is on the next refresh.
    expect(mergeServerList(gone, [], 'later').doc.keys).toBe(gone.keys);
  });

  it('replaces changed records in the table itself when asked to and nothing else changes', () => {
    const doc = docOf(token('token-aaa11'), token('token-bbb22'), token('token-ccc33'));
    const table = doc.keys;
    const unchanged = doc.keys['token-bbb22'];
    const used = token('token-aaa11', { lastUsedAt: '2025-01-02T00:00:00Z' });
    const { doc: next, revocationsDone } = mergeServerList(
      doc,
      [used, token('token-bbb22'), token('token-ccc33')],
      'now',
      { inPlace: true },
    );
    // A new document (that is how the views notice), the same table, one record replaced.
    expect(next).not.toBe(doc);
    expect(next.refreshedAt).toBe('now');
    expect(next.keys).toBe(table);
    expect(next.keys['token-bbb22']).toBe(unchanged);
    expect(next.keys['token-aaa11']?.token).toBe(used);
    expect(Object.keys(next.keys)).toEqual(['token-aaa11', 'token-bbb22', 'token-ccc33']);
    expect(revocationsDone).toEqual([]);
  });

  it('makes a new table, even when asked to change it in place, for any other change', () => {
    const names = ['token-aaa11', 'token-bbb22', 'token-ccc33'];
    const lists: Record<string, RancherToken[]> = {
      added: [...names, 'token-ddd44'].map((n) => token(n)),
      dropped: names.slice(0, 2).map((n) => token(n)),
      // (Reordered alone keeps the table: no record changed, as without `inPlace`.)
      'reordered, one used': [...names]
        .reverse()
        .map((n, i) => token(n, i === 0 ? { lastUsedAt: '2025-01-02T00:00:00Z' } : {})),
      'listed twice': [...names.slice(0, 2), names[0]!].map((n) => token(n)),
    };
    for (const [what, list] of Object.entries(lists)) {
      const doc = docOf(...names.map((n) => token(n)));
      const snapshot = { ...doc.keys };
      const inPlace = mergeServerList(doc, list, 'now', { inPlace: true }).doc;
      const copied = mergeServerList(docOf(...names.map((n) => token(n))), list, 'now').doc;
      expect(inPlace.keys, what).not.toBe(doc.keys);
      expect({ ...doc.keys }, what).toEqual(snapshot);
      expect(inPlace.keys, what).toEqual(copied.keys);
    }
    // A key back on the server after it left it is not a replacement in place either.
    const labelled: ServerKeysDoc = {
      refreshedAt: null,
      keys: { 'token-aaa11': { ...recordFor(token('token-aaa11')), labels: ['x'] } },
    };
    const gone = mergeServerList(labelled, [], 'now').doc;
    const back = mergeServerList(gone, [token('token-aaa11')], 'later', { inPlace: true }).doc;
    expect(back.keys).not.toBe(gone.keys);
    expect(gone.keys['token-aaa11']?.onServer).toBe(false);
    expect(back.keys['token-aaa11']?.onServer).toBe(true);
  });

  it('reports a vanished pending revocation as done and drops a vanished unknown key', () => {
    const doc: ServerKeysDoc = {
      refreshedAt: null,
      keys: {
        'token-aaa11': { ...recordFor(token('token-aaa11')), pendingRevocation: true },
        'token-bbb22': recordFor(token('token-bbb22')),
      },
    };
    const merged = mergeServerList(doc, [], 'now');
    expect(merged.revocationsDone).toEqual(['token-aaa11']);
    expect(merged.doc.keys).toEqual({});
  });

  it('merges a list read against the records to the document a freshly read list gives', () => {
    // A v3 list item as Rancher sends it (the fields the model reads).
    const item = (name: string, over: Record<string, unknown> = {}) =>
      v3TokenSchema.parse({
        name,
        description: name,
        userId: 'user-abc12',
        clusterId: '',
        created: '2025-01-01T00:00:00Z',
        lastUsedAt: '',
        expiresAt: '2025-03-01T00:00:00Z',
        ttl: 5_097_600_000,
        enabled: true,
        expired: false,
        ...over,
      });
    const doc = docOf(
      ...['token-aaa11', 'token-bbb22', 'token-ccc33', 'token-eee55'].map((n) => fromV3(item(n))),
    );
    doc.keys['token-ccc33'] = { ...doc.keys['token-ccc33']!, labels: ['kept'] };
    // Unchanged, used since, new; ccc33 (labelled) and eee55 are gone.
    const items = [
      item('token-aaa11'),
      item('token-bbb22', { lastUsedAt: '2025-01-02T00:00:00Z' }),
      item('token-ddd44'),
    ];
    const known = knownTokens(() => doc);
    const read = items.map((i) => fromV3(i, known));
    const fresh = items.map((i) => fromV3(i));
    expect(read[0]).toBe(doc.keys['token-aaa11']?.token);
    expect(read[1]).not.toBe(doc.keys['token-bbb22']?.token);

    const merged = mergeServerList(doc, read, 'now');
    expect(merged).toEqual(mergeServerList(doc, fresh, 'now'));
    expect(merged.doc.keys['token-aaa11']).toBe(doc.keys['token-aaa11']);
    expect(merged.doc.keys['token-bbb22']?.token.lastUsedAt).toBe('2025-01-02T00:00:00Z');
    expect(merged.doc.keys['token-ccc33']?.onServer).toBe(false);
    expect(Object.keys(merged.doc.keys).sort()).toEqual([
      'token-aaa11',
      'token-bbb22',
      'token-ccc33',
      'token-ddd44',
    ]);
  });

  it('finds only own entries, on null-prototype and plain tables alike', () => {
    const held = docOf(token('constructor'), token('token-aaa11'));
    const plain: ServerKeysDoc = { refreshedAt: null, keys: { ...held.keys } };
    for (const doc of [held, plain]) {
      const known = knownTokens(() => doc);
      expect(known('v3', 'constructor')).toBe(doc.keys['constructor']?.token);
      expect(known('v3', 'token-aaa11')).toBe(doc.keys['token-aaa11']?.token);
      for (const name of ['__proto__', 'toString', 'hasOwnProperty', 'token-zzz99']) {
        expect(known('v3', name)).toBeUndefined();
      }
      expect(known('ext', 'token-aaa11')).toBeUndefined();
    }
    expect(Object.getPrototypeOf(held.keys)).toBeNull();
    expect(Object.getPrototypeOf(plain.keys)).toBe(Object.prototype);
  });

  it('answers every lookup with the table entry, whatever the order of the list', () => {
    // A seeded generator: the same cases on every run.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const name = (i: number) => `token-${String(i).padStart(5, '0')}`;
    for (let run = 0; run < 200; run++) {
      const tokens: RancherToken[] = [];
      for (let i = 0; i < 1 + Math.floor(random() * 30); i++) {
        tokens.push(token(name(i), random() < 0.3 ? { family: 'ext' } : {}));
      }
      let doc = docOf(...tokens);
      // The list: the table's keys in order, some dropped, some new, some moved, both families
      // asked in turn (the two lists stream side by side).
      const asked = tokens
        .filter(() => random() > 0.15)
        .map((t) => ({ family: t.family, name: t.name }));
      for (let i = 0; i < 3; i++) {
        asked.splice(Math.floor(random() * (asked.length + 1)), 0, {
          family: random() < 0.5 ? 'ext' : 'v3',
          name: random() < 0.5 ? name(100 + i) : name(Math.floor(random() * 30)),
        });
      }
      if (random() < 0.3 && asked.length > 1) asked.push(asked.shift()!);
      const v3 = asked.filter((a) => a.family === 'v3');
      const ext = asked.filter((a) => a.family === 'ext');
      const known = knownTokens(() => doc);
      for (let i = 0; i < asked.length; i++) {
        if (i === 5 && random() < 0.3) doc = docOf(...[...tokens].reverse()); // replaced meanwhile
        const { family, name: n } =
          (random() < 0.5 ? v3.shift() : ext.shift()) ?? v3.shift() ?? ext.shift()!;
        const id = family === 'ext' ? `ext/${n}` : n;
        const expected = Object.hasOwn(doc.keys, id) ? doc.keys[id]?.token : undefined;
        expect(known(family, n)).toBe(expected);
      }
    }
  });
});
