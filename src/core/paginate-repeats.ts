/**
 * What a walk remembers of the pages it has handed over: enough to drop an item it already
 * yielded and to stop a listing that repeats itself, in memory bounded by the page size rather
 * than by the listing. The guarantee and why it is enough: docs/architecture.md, "Paging".
 */
import type { PaginationError } from './errors.js';

/** Pages whose keys a walk keeps besides its checkpoint page. */
export const RECENT_PAGES = 4;

/**
 * The keys of the first page, of the last `RECENT_PAGES` pages, and of one checkpoint page moved
 * forward at pages 1, 2, 4, 8… (Brent's cycle detection). The first page catches a server that
 * starts over (an expired token, an ignored page number); the last pages, items shifted back by
 * insertions ahead of them and short cycles; the checkpoint, a cycle of any length within about
 * twice its length.
 */
export class RecentKeys {
  #first: ReadonlySet<string> | undefined;
  readonly #last: ReadonlySet<string>[] = [];
  #checkpoint: ReadonlySet<string> = new Set();
  #count = 0;

  has(key: string): boolean {
    return (
      this.#first?.has(key) === true || this.#checkpoint.has(key) || this.#last.some((page) => page.has(key))
    );
  }

  /** Adds a page's keys, forgetting the oldest of the last pages. */
  remember(keys: ReadonlySet<string>): void {
    this.#count++;
    this.#first ??= keys;
    // A power of two: the page becomes the checkpoint.
    if ((this.#count & (this.#count - 1)) === 0) this.#checkpoint = keys;
    this.#last.push(keys);
    if (this.#last.length > RECENT_PAGES) this.#last.shift();
  }
}

/** Keys quoted in an error: enough to recognise the page, never a whole page of them. */
const QUOTED_KEYS = 3;

/**
 * Filters each page down to the items not handed over before (by `keyOf`). A page that holds
 * items but none new ends the walk with a PaginationError naming some of them: the server
 * repeats pages, or more than a page of items was inserted ahead of the walk between two
 * requests — the walk cannot tell which, and going on would loop or skip.
 */
export function repeatFilter<T>(
  keyOf: (item: T) => string,
  fail: (message: string) => PaginationError,
): (items: readonly T[], page: string) => T[] {
  const recent = new RecentKeys();
  let listed = 0;
  return (items, page) => {
    // An empty page (a server-side filter's) says nothing, and must not push pages out.
    if (items.length === 0) return [];
    const keys = new Set<string>();
    const fresh = items.filter((item) => {
      const key = keyOf(item);
      const isNew = !keys.has(key) && !recent.has(key);
      keys.add(key);
      return isNew;
    });
    if (fresh.length === 0) {
      const quoted = [...keys].slice(0, QUOTED_KEYS).join(', ');
      const more = keys.size > QUOTED_KEYS ? `, … ${keys.size} in all` : '';
      throw fail(
        `${page} holds only items already listed (${quoted}${more}; ${listed} items listed before it): ` +
          'the server repeats pages, or more than a page of items was inserted ahead of the walk between two requests',
      );
    }
    recent.remember(keys);
    listed += fresh.length;
    return fresh;
  };
}
