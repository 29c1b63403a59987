import { describe, expect, it } from 'vitest';
import type { KeyView } from '../../../../electron/contract/keys';
import { createClusterNames } from '../../../../electron/core/keys/cluster-names';
import type { ServerKeysDoc } from '../../../../electron/core/keys/key-records';
import { createKeyViewCache } from '../../../../electron/core/keys/key-view-cache';
import { mergeServerList } from '../../../../electron/core/keys/merge-server-list';
import type { RancherToken } from '../../../../electron/core/rancher/rancher-client';
import { idTable } from '../../../../electron/core/id-table';
import { createManualClock, type ManualClock } from '../fakes/manual-clock';
import { rancherToken } from '../../../support/rancher-token';
import { seededRandom } from '../../../support/seeded-random';

const DAY = 86_400_000;
const START = Date.UTC(2025, 5, 1);
const iso = (ms: number) => new Date(ms).toISOString();

const token = (name: string, over: Partial<RancherToken> = {}): RancherToken =>
  rancherToken(name, {
    description: `key ${name}`,
    createdAt: iso(START - 30 * DAY),
    expiresAt: iso(START + 10 * DAY),
    ttlMs: 40 * DAY,
    ...over,
  });

/**
 * The view cache over a document held as the key cache holds it (`get` is all the view cache
 * needs; this stands in for createKeyCache without its files).
 */
function viewsOver(clock: ManualClock, initial: ServerKeysDoc) {
  let doc = initial;
  const make = () =>
    createKeyViewCache({
      cache: { get: () => doc },
      clock,
      expiringWithinMs: () => 7 * DAY,
      signInKeyId: () => 'token-00000',
      clusterNames: createClusterNames(),
    });
  const views = make();
  return {
    views,
    set(next: ServerKeysDoc) {
      doc = next;
    },
    get doc() {
      return doc;
    },
    /** What a cache that never saw the earlier documents gives for the current one. */
    fresh: make,
  };
}

const listOf = (count: number, over: (i: number) => Partial<RancherToken> = () => ({})) =>
  Array.from({ length: count }, (_, i) => token(`token-${String(i).padStart(5, '0')}`, over(i)));

/** A document as a refresh of `tokens` leaves it. */
const docOf = (tokens: RancherToken[]): ServerKeysDoc =>
  mergeServerList({ refreshedAt: null, keys: idTable() }, tokens, 'then').doc;

const ids = (views: readonly KeyView[]) => views.map((v) => v.id);
const time = (text: string | null) => (text ? Date.parse(text) : NaN);

/** Everything the cache answers, each visit's instants checked against its view's text. */
function everything(
  views: ReturnType<typeof createKeyViewCache>,
  now: number,
  includeSystem: boolean,
) {
  const visited: unknown[] = [];
  let near = 0;
  views.each('s1', (view, instants) => {
    expect(instants).toEqual({
      expiresAt: time(view.expiresAt),
      createdAt: time(view.createdAt),
      snoozedUntil: time(view.snoozedUntil),
    });
    visited.push([view, { ...instants }]);
    const expiringOrExpired = view.state === 'expiring' || view.state === 'expired';
    if (view.kind === 'api_key' && expiringOrExpired && !(time(view.snoozedUntil) > now)) near++;
  });
  expect(views.nearExpiryCount('s1')).toBe(near);
  return { list: views.sorted('s1', includeSystem).keys, visited, near };
}

describe('key view cache', () => {
  it('replaces only the view of a record a refresh changed, in the table the cache owns', () => {
    const clock = createManualClock(START);
    const tokens = listOf(50, (i) => ({ expiresAt: iso(START + (i + 1) * DAY) }));
    const t = viewsOver(clock, docOf(tokens));
    const before = t.views.sorted('s1', false);
    // The sign-in key was used for the list itself: its last use is all that changed.
    tokens[0] = { ...tokens[0]!, lastUsedAt: iso(START) };
    const table = t.doc.keys;
    t.set(mergeServerList(t.doc, tokens, 'now', { inPlace: true }).doc);
    expect(t.doc.keys).toBe(table);

    const after = t.views.sorted('s1', false);
    expect(after.revision).not.toBe(before.revision);
    const changed = after.keys.findIndex((v) => v.id === 'token-00000');
    expect(after.keys[changed]?.lastUsedAt).toBe(iso(START));
    after.keys.forEach((view, i) => {
      if (i !== changed) expect(view).toBe(before.keys[i]);
    });
    expect(after.keys).toEqual(t.fresh().sorted('s1', false).keys);
  });

  it('keeps every view, the list and its revision when a refresh changes nothing', () => {
    const clock = createManualClock(START);
    const t = viewsOver(clock, docOf(listOf(20)));
    const before = t.views.sorted('s1', false);
    const visited: KeyView[] = [];
    t.views.each('s1', (view) => visited.push(view));
    t.set(mergeServerList(t.doc, listOf(20), 'later', { inPlace: true }).doc);
    const after = t.views.sorted('s1', false);
    expect(after.keys).toBe(before.keys);
    expect(after.revision).toBe(before.revision);
    const again: KeyView[] = [];
    t.views.each('s1', (view) => again.push(view));
    again.forEach((view, i) => expect(view).toBe(visited[i]));
  });

  it('replaces only the views whose state time changed, and lists them where they were', () => {
    const clock = createManualClock(START);
    const tokens = listOf(10, (i) => ({ expiresAt: iso(START + (10 + i) * DAY) }));
    const t = viewsOver(clock, docOf(tokens));
    const before = t.views.sorted('s1', false);
    expect(before.keys.every((v) => v.state === 'active')).toBe(true);
    // Seven days before token-00000's and token-00001's expiry they are expiring soon.
    clock.advance(4 * DAY);
    const after = t.views.sorted('s1', false);
    expect(after.revision).not.toBe(before.revision);
    expect(after.keys.map((v) => v.state)).toEqual([
      'expiring',
      'expiring',
      ...Array<string>(8).fill('active'),
    ]);
    after.keys.slice(2).forEach((view, i) => expect(view).toBe(before.keys[i + 2]));
    expect(t.views.nearExpiryCount('s1')).toBe(2);
    expect(after.keys).toEqual(t.fresh().sorted('s1', false).keys);
  });

  it('lists a key added at the end of the table in its place in the order', () => {
    const clock = createManualClock(START);
    const tokens = listOf(30, (i) => ({ expiresAt: iso(START + (i + 1) * DAY) }));
    const t = viewsOver(clock, docOf(tokens));
    t.views.sorted('s1', false);
    const added = [...tokens, token('token-new01', { expiresAt: iso(START + 15.5 * DAY) })];
    t.set(mergeServerList(t.doc, added, 'now', { inPlace: true }).doc);
    const list = t.views.sorted('s1', false).keys;
    expect(list[15]?.id).toBe('token-new01');
    expect(ids(list)).toEqual(ids(t.fresh().sorted('s1', false).keys));
  });

  it.each([
    ['instants that all parse', false, false],
    ['instants that all parse, system tokens listed', false, true],
    ['some expiries that do not parse', true, false],
    ['some expiries that do not parse, system tokens listed', true, true],
  ])(
    'gives, after any sequence of changes (%s), what a fresh cache gives',
    (_, unparseable, system) => {
      // Seeded, so a failure can be replayed.
      const generator = seededRandom((unparseable ? 7 : 42) + (system ? 1 : 0));
      const random = () => generator.next();
      const pick = <T>(list: readonly T[]): T => generator.pick(list);
      const clock = createManualClock(START);
      const dated = [1, 2, 3, 8, 20, 400].map((d) => iso(START + d * DAY));
      const instants = [null, '', ...dated, ...(unparseable ? ['not a date'] : [])];
      let tokens = listOf(40, (i) => ({ expiresAt: pick(dated), description: `key ${i % 7}` }));
      const t = viewsOver(clock, docOf(tokens));
      const same = () =>
        expect(everything(t.views, clock.now(), system)).toEqual(
          everything(t.fresh(), clock.now(), system),
        );
      for (let step = 0; step < 400; step++) {
        const at = Math.floor(random() * tokens.length);
        const current = tokens[at]!;
        // Mostly what refreshes do (records replaced in place); now and then a change of the table.
        const operation = Math.floor(random() * 12);
        if (operation <= 2) tokens[at] = { ...current, lastUsedAt: iso(clock.now() + step) };
        else if (operation === 3) tokens[at] = { ...current, expiresAt: pick(instants) };
        else if (operation === 4) tokens[at] = { ...current, description: `key ${step % 5}` };
        else if (operation === 5) tokens[at] = { ...current, kind: pick(['api_key', 'session']) };
        else if (operation === 6)
          tokens.push(token(`token-s${step}`, { expiresAt: pick(instants) }));
        else if (operation === 7 && random() < 0.3) tokens.splice(at, 1);
        else if (operation === 8 && random() < 0.3) {
          tokens = [...tokens.slice(at), ...tokens.slice(0, at)];
        } else if (operation === 9) clock.advance(random() * 2 * DAY);
        else if (operation === 10) {
          // A local change (a label, a snooze) as updateRecord makes it: a new table.
          const keys = idTable(t.doc.keys);
          const record = keys[current.name];
          if (record) {
            keys[current.name] = {
              ...record,
              labels: ['x'],
              snoozedUntil: random() < 0.5 ? null : iso(clock.now() + DAY),
            };
          }
          t.set({ ...t.doc, keys });
        }
        if (operation !== 9 && operation !== 10) {
          t.set(mergeServerList(t.doc, tokens, iso(clock.now()), { inPlace: true }).doc);
        }
        // Asked for only now and then, so that changes pile up between lists.
        if (random() < 0.4) same();
      }
      same();
    },
  );
});
