import type { KeyView } from '../../contract/keys';
import { compareViews, isVisible, sortExpiryOf } from './key-view';

/** A view replaced in the table (`before` null: a key added at its end), in the order it happened. */
export interface Replacement {
  before: KeyView | null;
  after: KeyView;
}

/**
 * The visible views in list order ({@link compareViews}), sorted from scratch. `expires` holds each
 * view's sort expiry by position (`sortExpiryOf`, parsed once per record, not per comparison);
 * positions are sorted, not wrapper objects, so 100,000 keys cost one array of small integers.
 */
export function sortedList(
  views: readonly KeyView[],
  expires: readonly number[],
  includeSystem: boolean,
): KeyView[] {
  const positions: number[] = [];
  for (let i = 0; i < views.length; i++) if (isVisible(views[i]!, includeSystem)) positions.push(i);
  positions.sort((x, y) => compareViews(views[x]!, expires[x]!, views[y]!, expires[y]!));
  return positions.map((i) => views[i]!);
}

/**
 * `list` (sorted) after `replacements`, or null when it must be sorted again: a replacement
 * changes a key's place (its visibility changed, or {@link compareViews} does not find it equal to
 * the view it replaces). A replaced view keeps its place; an added one is put where the order puts
 * it. Only for an order that is a total one (no unparseable expiry): the places are found by
 * binary search.
 */
export function patchedList(
  list: readonly KeyView[],
  replacements: readonly Replacement[],
  includeSystem: boolean,
): KeyView[] | null {
  const next = list.slice();
  for (const { before, after } of replacements) {
    const visible = isVisible(after, includeSystem);
    if (before === null) {
      if (!visible) continue;
      const at = search(next, after);
      if (at >= 0) return null;
      next.splice(-at - 1, 0, after);
      continue;
    }
    if (isVisible(before, includeSystem) !== visible) return null;
    if (!visible) continue;
    // It keeps its place only where the order itself sees no difference from the view it replaces.
    const expiry = sortExpiryOf(after.expiresAt);
    if (compareViews(before, sortExpiryOf(before.expiresAt), after, expiry) !== 0) return null;
    const at = search(next, before);
    if (at < 0 || next[at] !== before) return null;
    next[at] = after;
  }
  return next;
}

/**
 * Binary search of the sorted `list` for `view`'s place: its index when a view compares equal,
 * else `-(insertion point) - 1`.
 */
function search(list: readonly KeyView[], view: KeyView): number {
  const expiry = sortExpiryOf(view.expiresAt);
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const other = list[mid]!;
    const order = compareViews(other, sortExpiryOf(other.expiresAt), view, expiry);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -low - 1;
}
