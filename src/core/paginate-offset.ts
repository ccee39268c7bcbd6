/**
 * Offset paging where the cloud does not say what `offset` counts (ModelArts: one page of its docs
 * says records, another says pages). The walk asks the server: after a full first page it
 * requests `offset=1`, then `offset=0` again to be sure the first page did not move meanwhile.
 * Under record offsets the `offset=1` answer starts with the first page's second item; under page
 * offsets it shares no item with the first page (and is page two, so it is kept). Then
 * the walk runs as a page-number walk with the offsets that meaning implies, which skips an item
 * it already yielded (a listing sorted newest first shifts by one when an item is created
 * mid-walk) and ends with a PaginationError on a page of nothing new (a server that repeats
 * pages would otherwise loop).
 */
import { PaginationError, type ProviderId } from './errors.js';
import { decodeCursor, encodeCursor, type PageWalk } from './paginate.js';
import { type IndexedPage, indexedWalk } from './paginate-indexed.js';

/** What a listing's `offset` counts: items already listed (`record`) or pages (`page`). */
export type OffsetMeaning = 'record' | 'page';

export interface OffsetWalkOptions<T, W = T> {
  provider: ProviderId;
  operation: string;
  /** The `limit` sent with every request. */
  pageSize: number;
  fetchAt(offset: number, signal: AbortSignal): Promise<IndexedPage<W>>;
  /** What identifies an item as fetched (a trial id, a job id): how pages are compared. */
  keyOf(item: W): string;
  /** Reads a fetched page's items, one for one (a normalizer), as `indexedWalk`'s `read`. */
  read?: ((page: IndexedPage<W>) => T[]) | undefined;
  /** What `offset` counts, when known; otherwise the walk finds out. */
  meaning?: OffsetMeaning | undefined;
  concurrency?: number | undefined;
  maxPages?: number | undefined;
  kind?: string | undefined;
}

export function offsetWalk<W, T = W>(options: OffsetWalkOptions<T, W>): PageWalk<T> {
  const kind = options.kind ?? 'offset';
  const fail = (message: string) =>
    new PaginationError(`${options.operation}: ${message}`, {
      provider: options.provider,
      operation: options.operation,
    });
  const full = (page: IndexedPage<W>) =>
    page.items.length >= options.pageSize && (page.total === undefined || page.total > options.pageSize);

  /** Reads the meaning from the answers to offset 0 and offset 1. */
  function meaningOf(first: IndexedPage<W>, second: IndexedPage<W>): OffsetMeaning | 'ignored' {
    const firstKeys = first.items.map(options.keyOf);
    const secondKeys = second.items.map(options.keyOf);
    // Stryker disable next-line ConditionalExpression: an empty answer also passes the every() below as 'page'.
    if (secondKeys.length === 0) return 'page';
    if (secondKeys[0] === firstKeys[0]) return 'ignored';
    if (secondKeys[0] === firstKeys[1]) return 'record';
    const seen = new Set(firstKeys);
    if (secondKeys.every((key) => !seen.has(key))) return 'page';
    throw fail('the answer to offset 1 overlaps the first page out of order; items moved during the walk');
  }

  return async function* walk(cursor) {
    let state: { i: number; m?: OffsetMeaning | undefined } = { i: 0, m: options.meaning };
    if (cursor !== undefined) {
      state = decodeCursor<{ k: string; i: number; m?: OffsetMeaning }>(cursor, kind);
      if (state.m !== 'record' && state.m !== 'page')
        throw fail('the cursor does not say what offset counts');
    }
    const known = new Map<number, IndexedPage<W>>();
    let meaning = state.m;
    if (meaning === undefined) {
      // Nothing runs ahead of the caller here, so nothing needs aborting on an early exit; the
      // caller's own signal still reaches these requests through `fetchAt`.
      const signal = new AbortController().signal;
      meaning = 'page';
      const sameKeys = (a: IndexedPage<W>, b: IndexedPage<W>) =>
        a.items.length === b.items.length &&
        a.items.every((item, i) => options.keyOf(item) === options.keyOf(b.items[i] as W));
      for (let look = 1; ; look++) {
        const first = await options.fetchAt(0, signal);
        known.set(0, first);
        if (!full(first) || options.pageSize === 1) break;
        const second = await options.fetchAt(1, signal);
        // The first page asked for again: if it moved (an item created or deleted at the head
        // of a newest-first listing), the two answers cannot be compared, so look again.
        const again = await options.fetchAt(0, signal);
        // Kept: the first answer, not this one, so that page one's answer (and the total it
        // tells) is older than page two's, as in any walk; the two hold the same items.
        if (sameKeys(first, again)) {
          const read = meaningOf(first, second);
          if (read === 'ignored') {
            throw fail('the same page came back for offset 0 and offset 1; the server ignores the offset');
          }
          meaning = read;
          if (read === 'page') known.set(1, second);
          break;
        }
        if (look === 3) throw fail('the first page kept changing while the walk asked what offset counts');
      }
    }
    const chosen = meaning;
    const inner = indexedWalk<W, T>({
      provider: options.provider,
      operation: options.operation,
      pageSize: options.pageSize,
      concurrency: options.concurrency,
      maxPages: options.maxPages,
      kind,
      keyOf: options.keyOf,
      read: options.read,
      fetchPage: (index, signal) => {
        const held = known.get(index);
        // Stryker disable next-line CallExpression: only memory; the inner walk asks for each index once.
        known.delete(index);
        return held
          ? Promise.resolve(held)
          : options.fetchAt(chosen === 'page' ? index : index * options.pageSize, signal);
      },
    });
    let index = state.i;
    for await (const page of inner(encodeCursor({ k: kind, i: state.i }))) {
      index++;
      yield { ...page, cursor: page.cursor && encodeCursor({ k: kind, i: index, m: chosen }) };
    }
  };
}
