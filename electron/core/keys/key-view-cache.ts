import type { KeyState, KeyView } from '../../contract/keys';
import type { Clock } from '../ports';
import { expiringWindowFor, lifetimeOf } from '../expiry/expiry-math';
import { ownEntry, type IdTable } from '../id-table';
import type { ClusterNames } from './cluster-names';
import type { KeyCache } from './key-cache';
import type { KeyRecord, ServerKeysDoc } from './key-records';
import { patchedList, sortedList, type Replacement } from './key-list-order';
import { keyStateAt, sortExpiryOf, toKeyView } from './key-view';

/** A key's instants in ms since the epoch, NaN where absent or unparseable. */
export interface KeyInstants {
  expiresAt: number;
  createdAt: number;
  snoozedUntil: number;
}

/**
 * Each server's key views, built from its cached document and kept until something they depend on
 * changes. Views are asked for often (every list call, the server list's near-expiry counts, the
 * expiry scheduler after every change) and only change with the records, the settings, the
 * sign-in key, or when a key crosses into `expiring` / `expired`.
 *
 * With 100,000 keys a refresh usually changes one record (the sign-in key's last use), so the
 * views are updated where their records changed, not rebuilt: a view whose record and state are
 * unchanged stays the same object (the dispatcher checks each view once, by identity), and the
 * list order is patched where a changed view keeps its place instead of being sorted again. Rebuilding
 * 100,000 views, their index and the sort after every refresh was garbage promoted to V8's old
 * generation, most of the refresh's peak RSS (bench/RESULTS.md, Scale, fifth round).
 */
export interface KeyViewCache {
  /**
   * Visits the server's views in table order with their instants (`instants` is one object reused
   * for every visit: read it during the visit only).
   */
  each(serverId: string, visit: (view: KeyView, instants: KeyInstants) => void): void;
  /**
   * The visible views in list order (a shared array: never change it), and the revision of that
   * order, which changes whenever the list does.
   */
  sorted(serverId: string, includeSystem: boolean): { keys: readonly KeyView[]; revision: number };
  /** API keys that are expiring or expired and not snoozed. */
  nearExpiryCount(serverId: string): number;
}

/** What every view of a server was built with; a change of any of these rebuilds them all. */
interface ViewInputs {
  window: number;
  signIn: string | null;
  names: object;
}

/**
 * The most replacements remembered between two lists for patching the order; more, and the next
 * list is sorted again.
 */
const MAX_REPLACEMENTS = 1_000;

/** A server's views by position, in the order of its `keys` table, with their parsed instants. */
interface Built extends ViewInputs {
  /** The document the views are of, and its table (which a refresh may change in place). */
  doc: ServerKeysDoc;
  keys: IdTable<KeyRecord>;
  ids: string[];
  records: KeyRecord[];
  views: KeyView[];
  /** By position: sort expiry (see `sortExpiryOf`), creation and snooze end (NaN: none). */
  expires: number[];
  created: number[];
  snoozed: number[];
  /** Some expiry is unparseable (NaN): the order is not a total one, so it is never patched. */
  unparseable: boolean;
  /** The next instant a view's state may change. */
  validUntil: number;
  /** Bumped whenever a view changes. */
  version: number;
  /** Since the last list was made; null once more than MAX_REPLACEMENTS were made. */
  replacements: Replacement[] | null;
}

const time = (text: string | null): number => (text ? Date.parse(text) : NaN);
const finite = (ms: number): number | null => (Number.isFinite(ms) ? ms : null);

export function createKeyViewCache(deps: {
  cache: Pick<KeyCache, 'get'>;
  clock: Clock;
  expiringWithinMs(): number;
  signInKeyId(serverId: string): string | null;
  clusterNames: ClusterNames;
}): KeyViewCache {
  const built = new Map<string, Built>();
  const sortedLists = new Map<
    string,
    { built: Built; version: number; includeSystem: boolean; keys: KeyView[]; revision: number }
  >();
  let revisions = 0;
  const nearExpiry = new Map<
    string,
    { built: Built; version: number; count: number; validUntil: number }
  >();

  function contextOf(serverId: string, inputs: ViewInputs, now: number) {
    return {
      now,
      expiringWithinMs: inputs.window,
      signInKeyId: inputs.signIn,
      clusterName: (clusterId: string) => deps.clusterNames.name(serverId, clusterId),
    };
  }
  type Context = ReturnType<typeof contextOf>;

  /** The state of the record at `i` now; lowers `validUntil` to the next instant it changes. */
  function stateAt(b: Built, i: number, record: KeyRecord, now: number): KeyState {
    const expires = finite(b.expires[i]!);
    const state = keyStateAt(record, expires, finite(b.created[i]!), now, b.window);
    if (expires !== null) {
      const lifetime = lifetimeOf(record.token.ttlMs, finite(b.created[i]!), expires);
      const expiring = expires - expiringWindowFor(b.window, lifetime);
      if (expiring > now && expiring < b.validUntil) b.validUntil = expiring;
      if (expires > now && expires < b.validUntil) b.validUntil = expires;
    }
    return state;
  }

  /** Puts `record` (under `id`) at position `i`, reusing `view` when its state is still right. */
  function place(
    b: Built,
    i: number,
    id: string,
    record: KeyRecord,
    context: Context,
    view?: KeyView,
  ): KeyView {
    const { token } = record;
    b.ids[i] = id;
    b.records[i] = record;
    const expires = sortExpiryOf(token.expiresAt);
    if (Number.isNaN(expires)) b.unparseable = true;
    b.expires[i] = expires;
    b.created[i] = time(token.createdAt);
    b.snoozed[i] = time(record.snoozedUntil);
    const state = stateAt(b, i, record, context.now);
    const next = view?.state === state ? view : toKeyView(record, context, state);
    b.views[i] = next;
    return next;
  }

  function remember(b: Built, before: KeyView | null, after: KeyView): void {
    b.version++;
    if (b.replacements && b.replacements.length < MAX_REPLACEMENTS) {
      b.replacements.push({ before, after });
    } else b.replacements = null;
  }

  /** Every view anew, reusing those of `previous` whose record is the same object. */
  function rebuild(
    doc: ServerKeysDoc,
    inputs: ViewInputs,
    context: Context,
    previous: Built | undefined,
  ): Built {
    const { keys } = doc;
    const b: Built = {
      window: inputs.window,
      signIn: inputs.signIn,
      names: inputs.names,
      doc,
      keys,
      ids: [],
      records: [],
      views: [],
      expires: [],
      created: [],
      snoozed: [],
      unparseable: false,
      validUntil: Infinity,
      version: (previous?.version ?? 0) + 1,
      replacements: [],
    };
    // Views of unchanged records carry over only when nothing they were built with changed.
    const reuse = new Map<KeyRecord, number>();
    if (previous && sameInputs(previous, inputs)) {
      previous.records.forEach((record, i) => reuse.set(record, i));
    }
    let i = 0;
    for (const id in keys) {
      const record = keys[id] as KeyRecord;
      const at = reuse.get(record);
      place(b, i++, id, record, context, at === undefined ? undefined : previous?.views[at]);
    }
    return b;
  }

  /**
   * Brings `b` to the records of `keys` in place when the table starts with the same ids in the
   * same order (the usual refresh: a few records replaced, new keys at the end); otherwise
   * rebuilds.
   */
  function update(b: Built, doc: ServerKeysDoc, context: Context): Built {
    const { keys } = doc;
    if (keys === b.keys) return updateInPlace(b, doc, context);
    const known = b.ids.length;
    let i = 0;
    for (const id in keys) {
      const record = keys[id] as KeyRecord;
      if (i >= known) remember(b, null, place(b, i, id, record, context));
      else if (b.ids[i] !== id) return rebuild(doc, b, context, b);
      else if (b.records[i] !== record) replaceAt(b, i, record, context);
      i++;
    }
    if (i < known) return rebuild(doc, b, context, b);
    b.doc = doc;
    b.keys = keys;
    return b;
  }

  /**
   * A new document with the same table: the refresh replaced records in it (never adding or
   * dropping a key, see mergeServerList). Each position is looked up by its id: no walk of the
   * table's keys, which would list 100,000 of them.
   */
  function updateInPlace(b: Built, doc: ServerKeysDoc, context: Context): Built {
    const { keys, ids } = b;
    for (let i = 0; i < ids.length; i++) {
      const record = ownEntry(keys, ids[i]!);
      if (record === undefined) return rebuild(doc, b, context, b);
      if (b.records[i] !== record) replaceAt(b, i, record, context);
    }
    b.doc = doc;
    return b;
  }

  function replaceAt(b: Built, i: number, record: KeyRecord, context: Context): void {
    const before = b.views[i]!;
    remember(b, before, place(b, i, b.ids[i]!, record, context));
  }

  /** Time crossed an instant a state changes at: replaces the views whose state changed. */
  function restate(b: Built, context: Context): void {
    b.validUntil = Infinity;
    for (let i = 0; i < b.views.length; i++) {
      const record = b.records[i]!;
      const before = b.views[i]!;
      const state = stateAt(b, i, record, context.now);
      if (state !== before.state) {
        const after = toKeyView(record, context, state);
        b.views[i] = after;
        remember(b, before, after);
      }
    }
  }

  function sameInputs(b: ViewInputs, inputs: ViewInputs): boolean {
    return b.window === inputs.window && b.signIn === inputs.signIn && b.names === inputs.names;
  }

  function current(serverId: string): Built {
    const doc = deps.cache.get(serverId);
    const now = deps.clock.now();
    const inputs: ViewInputs = {
      window: deps.expiringWithinMs(),
      signIn: deps.signInKeyId(serverId),
      names: deps.clusterNames.version(serverId),
    };
    let b = built.get(serverId);
    if (b && sameInputs(b, inputs) && b.doc === doc && now < b.validUntil) return b;
    const context = contextOf(serverId, inputs, now);
    if (!b || !sameInputs(b, inputs)) b = rebuild(doc, inputs, context, undefined);
    else {
      if (b.doc !== doc) b = update(b, doc, context);
      if (now >= b.validUntil) restate(b, context);
    }
    built.set(serverId, b);
    return b;
  }

  const instants: KeyInstants = { expiresAt: NaN, createdAt: NaN, snoozedUntil: NaN };

  return {
    each(serverId, visit) {
      const b = current(serverId);
      const { views, expires, created, snoozed } = b;
      for (let i = 0; i < views.length; i++) {
        const expiresAt = expires[i]!;
        instants.expiresAt = Number.isFinite(expiresAt) ? expiresAt : NaN;
        instants.createdAt = created[i]!;
        instants.snoozedUntil = snoozed[i]!;
        visit(views[i]!, instants);
      }
    },
    sorted(serverId, includeSystem) {
      const b = current(serverId);
      let hit = sortedLists.get(serverId);
      if (hit?.built !== b || hit.version !== b.version || hit.includeSystem !== includeSystem) {
        // The replacements since the last list patch it in place of a sort of 100,000 keys.
        const patchable =
          hit?.built === b &&
          hit.includeSystem === includeSystem &&
          b.replacements !== null &&
          !b.unparseable;
        const keys =
          (patchable ? patchedList(hit!.keys, b.replacements!, includeSystem) : null) ??
          sortedList(b.views, b.expires, includeSystem);
        b.replacements = [];
        hit = { built: b, version: b.version, includeSystem, keys, revision: ++revisions };
        sortedLists.set(serverId, hit);
      }
      return { keys: hit.keys, revision: hit.revision };
    },
    nearExpiryCount(serverId) {
      // Counted once per set of views, until a snooze in it ends.
      const now = deps.clock.now();
      const b = current(serverId);
      const hit = nearExpiry.get(serverId);
      if (hit?.built === b && hit.version === b.version && now < hit.validUntil) return hit.count;
      let count = 0;
      let validUntil = Infinity;
      const { views, snoozed } = b;
      for (let i = 0; i < views.length; i++) {
        const k = views[i]!;
        if (k.kind !== 'api_key' || (k.state !== 'expiring' && k.state !== 'expired')) continue;
        const until = snoozed[i]!;
        if (until > now) validUntil = Math.min(validUntil, until);
        else count++;
      }
      nearExpiry.set(serverId, { built: b, version: b.version, count, validUntil });
      return count;
    },
  };
}
