/**
 * Page-number and offset paging (PAI `PageNumber`/`PageSize`/`TotalCount`, ModelArts
 * `offset`/`limit`): pages are addressed by index, so once the first page has told the total,
 * later pages are fetched concurrently (bounded) and still yielded in order.
 */
import { PaginationError, type ProviderId } from './errors.js';
import {
  beforeReading,
  DEFAULT_MAX_PAGES,
  decodeCursor,
  encodeCursor,
  type PageWalk,
  readKept,
} from './paginate.js';
import { repeatFilter } from './paginate-repeats.js';

/** Pages in flight at once, by default, once a walk knows its total. */
export const DEFAULT_PAGE_CONCURRENCY = 4;

export interface IndexedPage<T> {
  items: T[];
  /** Items in the whole listing, when the cloud says. */
  total?: number | undefined;
  raw: unknown;
}

export interface IndexedWalkOptions<T, W = T> {
  provider: ProviderId;
  operation: string;
  pageSize: number;
  /** Fetches page `index` (0-based); the adapter turns it into a page number or an offset. */
  fetchPage(index: number, signal: AbortSignal): Promise<IndexedPage<W>>;
  /** What identifies an item as fetched (a trial id): how the walk tells a repeated item or page. */
  keyOf(item: W): string;
  /**
   * Reads a fetched page's items, one for one (a normalizer); without it the items are yielded as
   * fetched. Run once the walk has checked the page and asked for the next one (`beforeReading`).
   */
  read?: ((page: IndexedPage<W>) => T[]) | undefined;
  /** Pages in flight at once once the total is known (default 4; 1 walks one page at a time). */
  concurrency?: number | undefined;
  /** Ends a walk that never ends with a PaginationError. */
  maxPages?: number | undefined;
  kind?: string | undefined;
}

/**
 * Guards: a total that shrinks mid-walk, or a page short of `pageSize` before the last one,
 * ends the walk with a PaginationError — items have moved, and walking on would silently skip
 * some. A total that grows (trials still being created) extends the walk to the new end.
 * Without a total, the walk goes on until a short page. Items already handed over (shifted back
 * by insertions ahead of them) are dropped, and a page of nothing new (a server that ignores
 * the page number) ends the walk with a PaginationError (paginate-repeats.ts).
 */
export function indexedWalk<W, T = W>(options: IndexedWalkOptions<T, W>): PageWalk<T> {
  const kind = options.kind ?? 'index';
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_PAGE_CONCURRENCY);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fail = (message: string) =>
    new PaginationError(`${options.operation}: ${message}`, {
      provider: options.provider,
      operation: options.operation,
    });

  return async function* walk(cursor) {
    let index = cursor === undefined ? 0 : decodeCursor<{ k: string; i: number }>(cursor, kind).i;
    if (!Number.isInteger(index) || index < 0) throw fail('the cursor does not name a page');
    const controller = new AbortController();
    const inFlight = new Map<number, Promise<IndexedPage<W>>>();
    const request = (i: number) => {
      let pending = inFlight.get(i);
      if (!pending) {
        pending = options.fetchPage(i, controller.signal);
        // A prefetched page's failure is reported when the walk reaches it.
        pending.catch(() => undefined);
        inFlight.set(i, pending);
      }
      return pending;
    };
    const fresh = repeatFilter(options.keyOf, fail);
    let total: number | undefined;
    try {
      for (let pages = 0; ; pages++) {
        if (pages >= maxPages) throw fail(`still returning pages after ${maxPages}; stopped`);
        const page = await request(index);
        // Stryker disable next-line CallExpression: only memory; no index is asked for twice.
        inFlight.delete(index);
        if (page.total !== undefined) {
          // Stryker disable next-line ConditionalExpression: `page.total < undefined` is false too.
          if (total !== undefined && page.total < total) {
            throw fail(
              `the total shrank from ${total} to ${page.total} during the walk; items moved, so some would be missed`,
            );
          }
          total = page.total;
        }
        const lastIndex =
          total === undefined ? undefined : Math.max(0, Math.ceil(total / options.pageSize) - 1);
        const more = lastIndex === undefined ? page.items.length >= options.pageSize : index < lastIndex;
        if (more && page.items.length < options.pageSize) {
          throw fail(
            `page ${index + 1} had ${page.items.length} items of ${options.pageSize} before the end; items moved`,
          );
        }
        const kept = fresh(page.items, `page ${index + 1}`);
        if (more && lastIndex !== undefined) {
          for (let i = index + 1; i <= Math.min(lastIndex, index + concurrency); i++) request(i);
          // The requests just started reach their sockets before this page is read.
          await beforeReading(request(index + 1));
        }
        yield {
          items: readKept(page, kept, options.read),
          cursor: more ? encodeCursor({ k: kind, i: index + 1 }) : undefined,
          raw: page.raw,
        };
        if (!more) return;
        index++;
      }
    } finally {
      controller.abort();
    }
  };
}
