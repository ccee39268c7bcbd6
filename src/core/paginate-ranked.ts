/**
 * A listing sorted by objective, as one walk, on clouds whose own objective sort does not hold
 * every item: SageMaker leaves out the jobs without an objective, PAI mixes them in. First the
 * cloud's ranked listing (only items with an objective), then every other item, oldest first.
 *
 * A walk started from the beginning remembers the keys the ranked part yielded and skips them in
 * the rest (an item that gained its objective between the two parts is yielded once). A walk
 * resumed from a cursor in the rest has not seen the ranked part: it falls back to "no
 * objective", which misses only an item that gained its objective between the two walks.
 */
import { concatWalks, type PageWalk } from './paginate.js';

/** Which part of the listing a walk is asked for: the cloud's objective sort, or the rest. */
export type RankedPart = 'ranked' | 'unranked';

export function rankedThenRest<Item, T>(
  cursor: string | undefined,
  /** The cloud's listing for a part, keeping only what `keep` accepts of its items. */
  walkPart: (part: RankedPart, keep: (item: Item) => boolean) => PageWalk<T>,
  item: { key(item: Item): string; ranked(item: Item): boolean },
): ReturnType<PageWalk<T>> {
  const seen = new Set<string>();
  const ranked = walkPart('ranked', (one) => {
    if (!item.ranked(one)) return false;
    seen.add(item.key(one));
    return true;
  });
  const fromStart = cursor === undefined;
  const rest = walkPart('unranked', (one) => (fromStart ? !seen.has(item.key(one)) : !item.ranked(one)));
  return concatWalks([ranked, rest])(cursor);
}
