/**
 * PageNumber (1-based) / PageSize paging with TotalCount (reference §2.1). A page past the end is
 * empty, not an error. Defaults and the size cap are the fake's choices.
 */
import { queryEnum, queryInteger } from './input.js';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** Log pages count lines; a page of them may be longer. */
export const DEFAULT_LOG_PAGE_SIZE = 100;
export const MAX_LOG_PAGE_SIZE = 10_000;

export interface Page {
  readonly number: number;
  readonly size: number;
}

export function readPage(
  query: URLSearchParams,
  defaults = { size: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE },
): Page {
  return {
    number: queryInteger(query, 'PageNumber', { min: 1 }) ?? 1,
    size: queryInteger(query, 'PageSize', { min: 1, max: defaults.max }) ?? defaults.size,
  };
}

/** Log lines: the whole file unless PageNumber or PageSize is given. */
export function readLinePage(query: URLSearchParams): Page | undefined {
  const page = readPage(query, { size: DEFAULT_LOG_PAGE_SIZE, max: MAX_LOG_PAGE_SIZE });
  return query.get('PageNumber') === null && query.get('PageSize') === null ? undefined : page;
}

export function pageOf<T>(items: readonly T[], page: Page | undefined): T[] {
  if (page === undefined) return [...items];
  const start = (page.number - 1) * page.size;
  return items.slice(start, start + page.size);
}

export type Order = 'ASC' | 'DESC';

export function readOrder(query: URLSearchParams, fallback: Order): Order {
  return (
    (queryEnum(query, 'Order', ['ASC', 'DESC', 'asc', 'desc'] as const)?.toUpperCase() as
      | Order
      | undefined) ?? fallback
  );
}

/**
 * Sorts by `key` in `order`, ties broken by `tiebreak` (in the same order) so pages never shuffle
 * between calls. Items whose key is `undefined` (e.g. no final metric yet) come last in either order.
 */
export function sortBy<T>(
  items: readonly T[],
  key: (item: T) => string | number | undefined,
  order: Order,
  tiebreak: (item: T) => number,
): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else if (ka !== kb) {
      return sign * (ka < kb ? -1 : 1);
    }
    return sign * (tiebreak(a) - tiebreak(b));
  });
}
