/**
 * `Paginated<T>`: one listing, however the cloud pages it. Iterate items with `for await`, or
 * pages with `.pages()`; every page carries an opaque `cursor` that resumes the walk after it
 * (pass it back as the query's `cursor`). A strategy (token, page number, offset) turns cursors
 * into requests; this module only drives it.
 */
import { InvalidArgumentError, PaginationError, type ProviderId } from './errors.js';
import { RecentKeys, repeatFilter } from './paginate-repeats.js';

/** One page of a listing: its items, the cursor that resumes after it, and the cloud's answer. */
export interface Page<T> {
  items: T[];
  /** Resumes the walk after this page; undefined on the last page. */
  cursor: string | undefined;
  /** The cloud's answer for this page, untouched. */
  raw: unknown;
}

/** Yields pages starting at the position a cursor encodes (undefined: from the start). */
export type PageWalk<T> = (cursor: string | undefined) => AsyncGenerator<Page<T>, void, undefined>;

/**
 * Every listing: fetched page by page as it is iterated, never all at once. A page's `cursor`
 * passed back as the query's `cursor` resumes the walk after that page, in this process or another.
 *
 * @example
 * ```ts
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const cloud = sagemaker({ region: 'us-east-1' });
 * const first10 = await cloud.trials.list('xgb-tune-0001').toArray({ limit: 10 });
 * for await (const page of cloud.trials.list('xgb-tune-0001', { pageSize: 50 }).pages()) {
 *   console.log(page.items.length, page.cursor); // save page.cursor to resume later
 * }
 * ```
 */
export class Paginated<T> implements AsyncIterable<T> {
  readonly #walk: PageWalk<T>;
  readonly #cursor: string | undefined;

  /** For adapters: a listing over `walk`, starting after `cursor` (from the start without one). */
  constructor(walk: PageWalk<T>, cursor?: string) {
    this.#walk = walk;
    this.#cursor = cursor;
  }

  /** The pages, one request each (strategies with prefetch may have requests in flight ahead). */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#walk(this.#cursor);
  }

  /** The items, page by page (a strategy may read the next page ahead); `break` ends the walk. */
  [Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    // Hand-rolled rather than `yield*`: one generator step per item costs more than a listing
    // of thousands of trials should pay. An item already at hand is handed over without an async
    // function's own promise, and a page is let go before the next one is awaited, so a listing
    // of a million trials allocates and keeps as little per item as the protocol allows.
    const pages = this.pages();
    let items: T[] = [];
    let index = 0;
    const nextPage = async (): Promise<IteratorResult<T, void>> => {
      while (index >= items.length) {
        // Stryker disable next-line ArrayDeclaration: only lets the page go while the next is awaited; nothing reads it meanwhile.
        items = [];
        const step = await pages.next();
        if (step.done) return { done: true, value: undefined };
        items = step.value.items;
        index = 0;
      }
      return { done: false, value: items[index++] as T };
    };
    return {
      next() {
        // Stryker disable next-line ConditionalExpression: a shortcut; nextPage() hands over an item in hand the same.
        return index < items.length
          ? Promise.resolve({ done: false, value: items[index++] as T })
          : nextPage();
      },
      async return() {
        await pages.return(undefined);
        return { done: true, value: undefined };
      },
    };
  }

  /** Collects the items, stopping (without fetching further pages) once `limit` are in hand. */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const out: T[] = [];
    if (limit <= 0) return out;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        out.push(item);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** A listing of the same pages with each item transformed. */
  map<U>(fn: (item: T) => U): Paginated<U> {
    return new Paginated<U>(mapWalk(this.#walk, fn), this.#cursor);
  }
}

/**
 * A listing query's `pageSize`, checked against what the cloud accepts (`1..max`); `fallback`
 * when none is given (undefined leaves the cloud's own default).
 */
export function pageSizeOf<F extends number | undefined>(
  query: { pageSize?: number | undefined },
  max: number,
  fallback: F,
): number | F {
  const size = query.pageSize;
  if (size === undefined) return fallback;
  if (!(Number.isInteger(size) && size >= 1 && size <= max)) {
    throw new InvalidArgumentError(`pageSize must be an integer from 1 to ${max}, got ${size}`);
  }
  return size;
}

// Cursors are opaque to users but must survive a round trip through a database or a URL.
interface CursorState {
  /** Strategy kind, so a cursor is never fed to the wrong strategy. */
  k: string;
  [key: string]: unknown;
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor<S extends CursorState>(cursor: string, kind: string): S {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: `state` stays undefined and is refused below.
  }
  if (typeof state !== 'object' || state === null || (state as CursorState).k !== kind) {
    throw new InvalidArgumentError('Invalid cursor: it was not issued by this listing');
  }
  return state as S;
}

/**
 * The same pages with only the items `keep` accepts; cursors and raw answers unchanged. Filtering
 * whole pages after they are fetched keeps a walk's guards (which expect full pages) working.
 */
export function filterWalk<T>(walk: PageWalk<T>, keep: (item: T) => boolean): PageWalk<T> {
  return async function* (cursor) {
    for await (const page of walk(cursor)) yield { ...page, items: page.items.filter(keep) };
  };
}

/** The same pages with each item transformed; cursors and raw answers unchanged. */
export function mapWalk<T, U>(walk: PageWalk<T>, fn: (item: T) => U): PageWalk<U> {
  return async function* (cursor) {
    for await (const page of walk(cursor)) yield { ...page, items: page.items.map(fn) };
  };
}

export interface TokenPage<T> {
  items: T[];
  nextToken?: string | undefined;
  raw: unknown;
}

export interface TokenWalkOptions<T, W = T> {
  provider: ProviderId;
  operation: string;
  /** `signal` aborts a read-ahead request the consumer no longer needs. */
  fetchPage(token: string | undefined, signal: AbortSignal): Promise<TokenPage<W>>;
  /** What identifies an item as fetched (a job name): how the walk tells a repeated item or page. */
  keyOf(item: W): string;
  /**
   * Reads a fetched page's items, one for one (a normalizer); without it the items are yielded as
   * fetched. Run once the walk has checked the page and asked for the next one (`beforeReading`).
   */
  read?: ((page: TokenPage<W>) => T[]) | undefined;
  /** Ends a walk that never ends with a PaginationError. */
  maxPages?: number | undefined;
  /** Distinguishes cursors of several token walks chained in one listing. */
  kind?: string | undefined;
}

export const DEFAULT_MAX_PAGES = 100_000;

const noop = () => undefined;

/**
 * Resolves once the process.nextTick callbacks queued by then, and by the promise steps already
 * under way, have run: node:http writes a request to a kept-alive socket in such a callback.
 */
function afterQueuedTicks(): Promise<void> {
  return new Promise((resolve) => process.nextTick(resolve));
}

/**
 * Between asking for the next page and reading the current one: until the request has been
 * handed to its socket, or less if the next page settles first. Started ahead, a request reaches
 * the socket only in a nextTick callback queued after its own promise steps (signing), and Node
 * runs no such callback while promise callbacks keep coming — as they do while a caller works
 * through the page in hand with `for await` — so without this wait it leaves after the page has
 * been read, and nothing overlaps. A nextTick is enough: Node runs every queued tick before the
 * promise callback that resumes this walk. A turn of the event loop (setImmediate), used before,
 * overlapped no better and in about one process in three set the collector keeping every page of
 * a listing alive through young-generation collections (docs/architecture.md, "Why a tick").
 * Raced with the page itself because a test may fake timers; the race also handles the page's
 * failure, reported when the caller asks for that page.
 */
export function beforeReading(next: Promise<unknown>): Promise<unknown> {
  return Promise.race([afterQueuedTicks(), next.then(noop, noop)]);
}

/**
 * What a walk hands over from a fetched page: `read` (a normalizer) applied to the whole page,
 * so that field paths in its errors are the answer's own (`Trials.7.Metric`), then only the items
 * the repeat filter `kept` (a subsequence of `page.items`, picked out by identity).
 */
export function readKept<T, W, P extends { items: W[] }>(
  page: P,
  kept: readonly W[],
  read: ((page: P) => T[]) | undefined,
): T[] {
  const all = read ? read(page) : (page.items as unknown as T[]);
  // Stryker disable next-line ConditionalExpression: a shortcut; the loop below keeps every item too.
  if (kept.length === page.items.length) return all;
  const out: T[] = [];
  // `kept` is a subsequence of the page; once it is used up, `kept[k]` is undefined, no item.
  let k = 0;
  page.items.forEach((item, i) => {
    if (item === kept[k]) {
      out.push(all[i] as T);
      k++;
    }
  });
  return out;
}

/**
 * Token paging (SageMaker `NextToken`): sequential by nature, guarded against loops. Once a page
 * has passed the walk's checks, the next page is requested before the page is read and handed
 * over, so the network wait overlaps the reading and the caller's work on the page; a walk the
 * caller leaves early aborts that request. Items already handed over are dropped, and a token or
 * a page seen before ends the walk with a PaginationError (paginate-repeats.ts).
 */
export function tokenWalk<W, T = W>(options: TokenWalkOptions<T, W>): PageWalk<T> {
  const kind = options.kind ?? 'token';
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fail = (message: string) =>
    new PaginationError(message, { provider: options.provider, operation: options.operation });
  return async function* walk(cursor) {
    const first = cursor === undefined ? undefined : decodeCursor<{ k: string; t: string }>(cursor, kind).t;
    const controller = new AbortController();
    const tokens = new RecentKeys();
    if (first !== undefined) tokens.remember(new Set([first]));
    const fresh = repeatFilter(options.keyOf, (message) => fail(`${options.operation}: ${message}`));
    let pending = options.fetchPage(first, controller.signal);
    try {
      for (let pages = 1; ; pages++) {
        let page: TokenPage<W> | undefined = await pending;
        const kept = fresh(page.items, `page ${pages}`);
        const next = page.nextToken || undefined;
        if (next !== undefined) {
          if (tokens.has(next))
            throw fail(
              `${options.operation} returned a page token it had already returned (with page ${pages}); the walk would loop`,
            );
          if (pages >= maxPages)
            throw fail(`${options.operation} was still returning pages after ${maxPages}; stopped`);
          tokens.remember(new Set([next]));
          pending = options.fetchPage(next, controller.signal);
          await beforeReading(pending);
        }
        yield {
          items: readKept(page, kept, options.read),
          cursor: next === undefined ? undefined : encodeCursor({ k: kind, t: next }),
          raw: page.raw,
        };
        // Let the page go before the next one is awaited: it need not live through its processing.
        page = undefined;
        if (next === undefined) return;
      }
    } finally {
      controller.abort();
    }
  };
}

/**
 * Several walks one after the other as one listing; the cursor records which walk it belongs to,
 * so resuming lands in the right one.
 */
export function concatWalks<T>(walks: readonly PageWalk<T>[]): PageWalk<T> {
  return async function* walk(cursor) {
    let start = 0;
    let inner: string | undefined;
    if (cursor !== undefined) {
      const state = decodeCursor<{ k: string; i: number; c?: string }>(cursor, 'concat');
      if (!Number.isInteger(state.i) || state.i < 0 || state.i >= walks.length) {
        throw new InvalidArgumentError('Invalid cursor: it points past the end of the listing');
      }
      start = state.i;
      inner = state.c;
    }
    for (let i = start; i < walks.length; i++) {
      const current = walks[i] as PageWalk<T>;
      for await (const page of current(i === start ? inner : undefined)) {
        const resume =
          page.cursor !== undefined
            ? encodeCursor({ k: 'concat', i, c: page.cursor })
            : i + 1 < walks.length
              ? encodeCursor({ k: 'concat', i: i + 1 })
              : undefined;
        yield { ...page, cursor: resume };
      }
    }
  };
}
